package dev.tandem.slo;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How fast the error budget burns over the last {@code window}: error ratio ÷ (1 − objective).
 * A burn rate of 1 spends exactly the budget over the SLO window; empty when the window holds no events.
 */
public record BurnRate(Duration window, EventCounts counts, OptionalDouble value) {

    static BurnRate of(Duration window, EventCounts counts, double allowedErrorRatio) {
        return new BurnRate(window, counts, counts.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(counts.errorRatio() / allowedErrorRatio));
    }

    public DataState state() {
        return value.isPresent() ? DataState.OK : DataState.NO_DATA;
    }

    /** The window in shorthand, {@code 5m}, {@code 1h}, {@code 3d}: the key the API uses. */
    public String windowName() {
        return SloDuration.format(window);
    }

    boolean exceeds(double factor) {
        return value.isPresent() && value.getAsDouble() > factor;
    }
}
