package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * What the timeline chart draws: one row per SRE, a bar per engagement (committed or completed) from its
 * start (actual, else planned) to its end (actual, else planned; open when unknown), within a window.
 */
public record Timeline(LocalDate from, LocalDate to, LocalDate today, List<Row> rows) {

    public Timeline {
        rows = List.copyOf(rows);
    }

    public record Row(String person, String label, List<Bar> bars) {
        public Row {
            bars = List.copyOf(bars);
        }
    }

    /** {@code end} is null when the engagement has no planned end: the bar runs to the window's edge. */
    public record Bar(long engagement, String title, String team, EngagementState state, int sharePercent,
                      LocalDate start, LocalDate end) {
    }

    public boolean empty() {
        return rows.stream().allMatch(r -> r.bars().isEmpty());
    }
}
