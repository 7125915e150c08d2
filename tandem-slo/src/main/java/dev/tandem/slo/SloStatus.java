package dev.tandem.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An SLO evaluated at one instant.
 *
 * @param period           the elapsed part of the window that was evaluated
 * @param counts           events in the period (for time-slice methods, still the raw events)
 * @param sli              attainment in the period, in [0, 1]; empty when there is no data
 * @param objective        the target, e.g. 0.999
 * @param burnRates        one per window the alert tiers use, shortest first
 * @param timeToExhaustion how long the remaining budget lasts at the 1-hour burn rate; empty when nothing
 *                         burns or there is no data; zero when already exhausted
 */
public record SloStatus(String slo, Instant at, Interval period, DataState state, EventCounts counts,
                        OptionalDouble sli, double objective, ErrorBudget errorBudget, List<BurnRate> burnRates,
                        List<BurnRateAlert> alerts, Optional<Duration> timeToExhaustion) {

    public SloStatus {
        burnRates = List.copyOf(burnRates);
        alerts = List.copyOf(alerts);
    }

    /** The burn rate over {@code window}, if that window was evaluated. */
    public Optional<BurnRate> burnRate(Duration window) {
        for (BurnRate b : burnRates) {
            if (b.window().equals(window)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    public boolean isFiring(String severity) {
        for (BurnRateAlert a : alerts) {
            if (a.firing() && a.severity().equals(severity)) {
                return true;
            }
        }
        return false;
    }
}
