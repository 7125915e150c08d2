package dev.tandem.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The period over which an SLO is judged: rolling (the last N) or calendar-aligned (this month). */
public sealed interface TimeWindow permits TimeWindow.Rolling, TimeWindow.Calendar {

    SloDuration duration();

    /** The part of the window that has elapsed at {@code now}: [start, now) for a rolling window. */
    Interval periodAt(Instant now);

    /**
     * The fixed length used to scale burn-rate factors; calendar units count nominally (a month 30 days),
     * so generated rules do not change from month to month.
     */
    default Duration nominalLength() {
        return duration().nominal();
    }

    /** The most data the window can ever span; the built-in store keeps at least this much. */
    default Duration longestLength() {
        return duration().longest();
    }

    /** A window of the last {@code duration}, moving with time. Months, quarters and years are not allowed here. */
    record Rolling(SloDuration duration) implements TimeWindow {
        public Rolling {
            if (duration.unit().isCalendarOnly()) {
                throw new IllegalArgumentException("a rolling window is measured in m, h, d or w, not " + duration);
            }
        }

        @Override
        public Interval periodAt(Instant now) {
            return new Interval(now.minus(duration.nominal()), now);
        }
    }

    /**
     * Consecutive periods of {@code duration}, the first starting at {@code startTime} in {@code timeZone}
     * (a local date and time, as OpenSLO writes it). Periods follow the zone's calendar, so a month that
     * contains a daylight-saving change is one hour shorter or longer than 30 or 31 × 24 h.
     */
    record Calendar(SloDuration duration, LocalDateTime startTime, ZoneId timeZone) implements TimeWindow {
        public Calendar {
            if (startTime == null || timeZone == null) {
                throw new IllegalArgumentException("a calendar window needs a start time and a time zone");
            }
        }

        /** The whole calendar period that contains {@code now}. */
        public Interval fullPeriodAt(Instant now) {
            ZonedDateTime origin = startTime.atZone(timeZone);
            ZonedDateTime at = now.atZone(timeZone);
            // Estimate the period index from the nominal length, then correct by stepping: exact, as each
            // boundary is computed from the origin (adding months one by one would drift after a 31st).
            long k = Math.floorDiv(Duration.between(origin, at).toMinutes(), duration.nominal().toMinutes());
            while (duration.addTo(origin, k).isAfter(at)) {
                k--;
            }
            while (!duration.addTo(origin, k + 1).isAfter(at)) {
                k++;
            }
            return new Interval(duration.addTo(origin, k).toInstant(), duration.addTo(origin, k + 1).toInstant());
        }

        @Override
        public Interval periodAt(Instant now) {
            return new Interval(fullPeriodAt(now).start(), now);
        }
    }
}
