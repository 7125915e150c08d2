package dev.tandem.slo.store;

import dev.tandem.slo.BudgetingMethod;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;

import java.time.Duration;

/**
 * How much one series keeps: minute buckets for {@code minutes}, hour buckets for {@code hours}. Spans
 * older than the minute horizon are answered from hour buckets, rounded to whole hours.
 */
public record Retention(Duration minutes, Duration hours) {

    /** Minute data covers the longest default burn window (3 d) plus an hour for its ragged edge. */
    public static final Duration DEFAULT_MINUTES = Duration.ofDays(3).plusHours(2);
    /** Hour data covers a 30-day rolling window or any calendar month, with room to spare. */
    public static final Duration DEFAULT_HOURS = Duration.ofDays(35);

    public static final Retention DEFAULT = new Retention(DEFAULT_MINUTES, DEFAULT_HOURS);

    public Retention {
        if (minutes.toMinutes() < 60 || hours.toHours() < 1 || minutes.compareTo(hours) > 0) {
            throw new IllegalArgumentException("retention needs at least an hour of minutes, and no more minutes than hours: " + minutes + ", " + hours);
        }
    }

    /**
     * What an SLO needs: hours for its whole window (at least 35 days), minutes for its longest alert
     * window plus two hours (at least the default); and, for time slices that are not whole hours, minutes
     * for the whole window, so every slice can be judged.
     */
    public static Retention forSlo(SloDefinition slo) {
        Duration window = slo.timeWindow().longestLength().plusDays(1);
        Duration hours = window.compareTo(DEFAULT_HOURS) > 0 ? window : DEFAULT_HOURS;
        Duration minutes = DEFAULT_MINUTES;
        for (var tier : slo.alertTiers()) {
            Duration need = tier.longWindow().plusHours(2);
            if (need.compareTo(minutes) > 0) {
                minutes = need;
            }
        }
        SloDuration slice = null;
        if (slo.budgetingMethod() instanceof BudgetingMethod.Timeslices t) {
            slice = t.sliceWindow();
        } else if (slo.budgetingMethod() instanceof BudgetingMethod.RatioTimeslices r) {
            slice = r.sliceWindow();
        }
        if (slice != null && slice.nominal().toMinutes() % 60 != 0) {
            minutes = window;
        }
        if (minutes.compareTo(hours) > 0) {
            hours = minutes;
        }
        return new Retention(minutes, hours);
    }
}
