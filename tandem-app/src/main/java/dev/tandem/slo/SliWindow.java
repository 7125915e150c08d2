package dev.tandem.slo;

import java.time.Instant;

/**
 * An SLO's SLI over an arbitrary window, from its event counts: what an exit criterion such as "at or
 * above target for the last 28 days" reads. {@code sli} is null when the window saw no events.
 *
 * @param dataState {@code OK}, {@code NO_DATA} (no events in the window), {@code STALE} (the source did not answer)
 *                  or {@code QUERY_REJECTED} (Prometheus refused a query: the definition must change)
 * @param reason    why the data is missing, stale or refused; null when OK
 */
public record SliWindow(String slo, Instant from, Instant to, long good, long total, Double sli, double objective,
                        String dataState, String reason) {

    public boolean ok() {
        return "OK".equals(dataState);
    }

    /** At or above the objective; false without data. */
    public boolean attained() {
        return sli != null && sli >= objective;
    }
}
