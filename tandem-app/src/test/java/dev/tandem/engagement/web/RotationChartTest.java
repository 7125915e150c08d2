package dev.tandem.engagement.web;

import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Timeline;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RotationChartTest {

    static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    static final LocalDate TO = LocalDate.of(2027, 8, 31);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void drawsABarPerEngagementColouredByStateWithTodayAndMonths() {
        Timeline t = new Timeline(FROM, TO, TODAY, List.of(
                new Timeline.Row("alice", "Alice A", List.of(
                        new Timeline.Bar(1, "Payments", "payments", EngagementState.LEARNING, 100, TODAY.minusDays(20), TODAY.plusDays(70)),
                        new Timeline.Bar(2, "Old", "search", EngagementState.COMPLETED, 100, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 30)))),
                new Timeline.Row("bob", "Bob", List.of(
                        new Timeline.Bar(3, "Ads", "ads", EngagementState.ACCEPTED, 50, TODAY.plusDays(10), null))),
                new Timeline.Row("carol", "Carol", List.of())));
        String svg = RotationChart.draw(t);
        assertThat(count(svg, "<rect class=\"bar\"")).isEqualTo(3);
        assertThat(svg).contains("fill=\"" + RotationChart.colour(EngagementState.LEARNING) + "\"")
                .contains("fill=\"" + RotationChart.colour(EngagementState.COMPLETED) + "\"")
                .contains("fill=\"" + RotationChart.colour(EngagementState.ACCEPTED) + "\"");
        assertThat(RotationChart.colour(EngagementState.LEARNING)).isNotEqualTo(RotationChart.colour(EngagementState.ACCEPTED));
        assertThat(svg).contains("<title id=\"rotation-title\">Rotation timeline from 2026-09-01 to 2027-08-31</title>")
                .contains("<desc id=\"rotation-desc\">3 SREs, 3 engagements; today is 2026-11-27")
                .contains("aria-labelledby=\"rotation-title rotation-desc\"")
                .contains("class=\"today\"").contains("today, 2026-11-27")
                .contains(">Sep 2026<").contains(">Jan 2027<").contains(">Dec<")
                .contains("#3 Ads (team ads), accepted, 50 %, " + TODAY.plusDays(10) + " to no planned end")
                .contains("stroke-dasharray=\"3 2\"");
        // the completed engagement started before the window: it is cut at the window's left edge
        Matcher m = Pattern.compile("<rect class=\"bar\" x=\"(\\d+)\"[^>]*fill=\"" + RotationChart.colour(EngagementState.COMPLETED))
                .matcher(svg);
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(RotationChart.LABEL);
        // today's line sits between the bars' ends in proportion
        assertThat(svg.indexOf("Alice A")).isLessThan(svg.indexOf(">Bob<"));
    }

    @Test
    void escapesNamesAndTitles() {
        Timeline t = new Timeline(FROM, TO, TODAY, List.of(new Timeline.Row("mallory", "<script>alert(1)</script>", List.of(
                new Timeline.Bar(1, "x\" onmouseover=\"alert(2)", "<b>team</b>", EngagementState.DRIVING_CHANGE, 100,
                        TODAY, TODAY.plusDays(200))))));
        String svg = RotationChart.draw(t);
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("\" onmouseover=\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;team&lt;/b&gt;")
                .contains("x&quot; onmouseover=&quot;alert(2)");
    }

    @Test
    void anEmptyRosterSaysSo() {
        assertThat(RotationChart.draw(new Timeline(FROM, TO, TODAY, List.of()))).doesNotContain("<svg").contains("Nobody is on the roster");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
