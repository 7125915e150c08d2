package dev.tandem.slo.web;

import dev.tandem.slo.Reports;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SloChartsTest {

    private static List<Reports.HistoryPoint> points() {
        List<Reports.HistoryPoint> out = new ArrayList<>();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 10; i++) {
            // a gap (no data) in the middle
            out.add(new Reports.HistoryPoint(start.plusSeconds(3600L * i), i == 4 ? null : 1 - i * 0.1, i == 4 ? null : 0.999 - i * 0.0001));
        }
        return out;
    }

    @Test
    void theBurnDownEscapesItsTitleDrawsThresholdsAndBreaksTheLineAtGaps() {
        String svg = SloCharts.burnDown("<b>checkout</b> & co", points(), 0.25, 0);
        assertThat(svg).startsWith("<svg").contains("&lt;b&gt;checkout&lt;/b&gt; &amp; co").doesNotContain("<b>");
        assertThat(svg).contains("at risk: 25 %").contains("exhausted: 0 %").contains("role=\"img\"");
        String path = svg.substring(svg.indexOf("<path d=\"") + 9);
        path = path.substring(0, path.indexOf('"'));
        assertThat(path.chars().filter(c -> c == 'M').count()).as("two segments around the gap: " + path).isEqualTo(2);
        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void theSliChartMarksTheObjectiveAndAnEmptyWindowSaysSo() {
        String svg = SloCharts.sli("api", points(), 0.999);
        assertThat(svg).contains("objective: 99.900 %");
        List<Reports.HistoryPoint> empty = List.of(new Reports.HistoryPoint(Instant.EPOCH, null, null),
                new Reports.HistoryPoint(Instant.EPOCH.plusSeconds(60), null, null));
        assertThat(SloCharts.sli("api", empty, 0.999)).contains("No data").doesNotContain("<svg");
    }
}
