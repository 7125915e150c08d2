package dev.tandem.slo;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The state of one alert tier: firing when both windows burn faster than {@code factor} and the long
 * window holds at least the SLO's minimum event count.
 *
 * @param state OK when both windows have data and the minimum is met; NO_DATA or BELOW_MINIMUM otherwise
 *              (such an alert never fires)
 */
public record BurnRateAlert(String tier, String severity, Duration longWindow, Duration shortWindow,
                            BigDecimal factor, boolean firing, DataState state) {
}
