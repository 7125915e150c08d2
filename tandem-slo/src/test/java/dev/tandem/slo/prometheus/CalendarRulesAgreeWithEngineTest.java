package dev.tandem.slo.prometheus;

import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.SloEvaluator;
import dev.tandem.slo.SloStatus;
import dev.tandem.slo.TimeWindow;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A calendar window in the generated rules, run by Prometheus's rule engine ({@code promtool test rules})
 * against the engine on the same minute data: the period ratio covers the current calendar day in New
 * York (UTC−5 in January 1970), not the last 24 hours.
 *
 * <p>Traffic: 2,000 requests a minute for 3 d 10 h from the epoch; 20 bad a minute until 1970-01-04 05:00Z
 * (local midnight), then 2 a minute. At the end the day has run five hours: its ratio is 0.001, while a
 * rolling 24 hours would hold 0.00825.
 */
class CalendarRulesAgreeWithEngineTest {

    static final int MINUTES = 3 * 24 * 60 + 10 * 60;
    static final int TOTAL_PER_MINUTE = 2000;
    static final int MIDNIGHT = 3 * 24 * 60 + 5 * 60; // 1970-01-04T05:00Z, in minutes from the epoch

    @Test
    void promtoolSumsTheCurrentCalendarDayAsTheEngineDoes(@TempDir Path dir) throws Exception {
        TimeWindow.Calendar days = new TimeWindow.Calendar(SloDuration.parse("1d"), LocalDateTime.of(1970, 1, 1, 0, 0),
                ZoneId.of("America/New_York"));
        SloDefinition daily = PrometheusRulesTest.api("api", 0.999, "1d").withTimeWindow(days);
        Instant end = Instant.ofEpochSecond(MINUTES * 60L);
        Files.writeString(dir.resolve("rules.yaml"), PrometheusRules.generate(List.of(daily), end));

        EventStore store = new EventStore(Clock.fixed(end, ZoneOffset.UTC), Duration.ofMinutes(5));
        MinuteTraffic traffic = MinuteTraffic.of(MINUTES, TOTAL_PER_MINUTE, m -> m < MIDNIGHT ? 20 : 2);
        List<EventPoint> points = traffic.points();
        store.push("api", points);

        Instant beforeMidnight = Instant.ofEpochSecond((MIDNIGHT - 60) * 60L);
        SloStatus atEnd = SloEvaluator.evaluate(daily, store.source("api"), end);
        SloStatus atBefore = SloEvaluator.evaluate(daily, store.source("api"), beforeMidnight);
        SloStatus rolling = SloEvaluator.evaluate(PrometheusRulesTest.api("api", 0.999, "1d"), store.source("api"), end);
        double calendarRatio = 1 - atEnd.sli().getAsDouble();
        // The scenario tells the two apart: the calendar day holds only the quiet hours.
        assertThat(calendarRatio).isCloseTo(0.001, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(1 - rolling.sli().getAsDouble()).isGreaterThan(5 * calendarRatio);
        assertThat(1 - atBefore.sli().getAsDouble()).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-9));

        List<Object> exprTests = new ArrayList<>();
        String labels = "{service=\"api\",slo=\"api\",window=\"period\"}";
        for (SloStatus status : List.of(atEnd, atBefore)) {
            String evalTime = Duration.between(Instant.EPOCH, status.at()).toMinutes() + "m";
            exprTests.add(RulesAgreeWithEngineTest.closeTo("tandem_slo:error_ratio{slo=\"api\",window=\"period\"}", 1 - status.sli().getAsDouble(), 0.01, evalTime, labels));
            exprTests.add(Map.of("expr", "tandem_slo:period_start{slo=\"api\"}", "eval_time", evalTime,
                    "exp_samples", List.of(Map.of("labels", "tandem_slo:period_start{service=\"api\",slo=\"api\"}",
                            "value", days.fullPeriodAt(status.at()).start().getEpochSecond()))));
        }
        Map<String, Object> busy = new LinkedHashMap<>();
        busy.put("interval", "1m");
        busy.put("input_series", List.of(
                Map.of("series", "http_requests_total{job=\"api\",code=\"500\"}", "values", traffic.badSeries()),
                Map.of("series", "http_requests_total{job=\"api\",code=\"200\"}", "values", traffic.goodSeries())));
        busy.put("promql_expr_test", exprTests);
        // The boundary table runs out long after the test: its warning does not fire.
        busy.put("alert_rule_test", List.of(Map.of("eval_time", MINUTES + "m", "alertname", PrometheusRules.CALENDAR_ENDING, "exp_alerts", List.of())));

        Promtool.Result result = Promtool.testRules(dir, List.of(busy));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }
}
