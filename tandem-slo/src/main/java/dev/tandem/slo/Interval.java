package dev.tandem.slo;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of time [start, end). */
public record Interval(Instant start, Instant end) {
    public Interval {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("an interval ends after it starts: " + start + " .. " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
