package dev.tandem.slo.prometheus;

import dev.tandem.slo.BurnRate;
import dev.tandem.slo.BurnRateAlert;
import dev.tandem.slo.DataState;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloEvaluator;
import dev.tandem.slo.SloStatus;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated rules, run by Prometheus's own rule engine ({@code promtool test rules}), against the
 * engine on the same minute data: the burn rates, the period ratio and the alerts must agree.
 *
 * <p>Traffic: 2,000 requests a minute for 3 d 2 h; bad requests 1 a minute (burn 0.5 at 99.9 %), then 16
 * for five hours (burn 8), then 60 for the last hour (burn 30). At the end every tier fires; two hours
 * earlier none does. The expectations written into the test file come from {@link SloEvaluator}.
 */
class RulesAgreeWithEngineTest {

    static final int MINUTES = 3 * 24 * 60 + 120;
    static final int TOTAL_PER_MINUTE = 2000;

    static int badAt(int minute) {
        if (minute >= MINUTES - 60) {
            return 60;
        }
        return minute >= MINUTES - 360 ? 16 : 1;
    }

    @Test
    void promtoolComputesWhatTheEngineComputes(@TempDir Path dir) throws Exception {
        SloDefinition api = PrometheusRulesTest.api("api", 0.999, "30d");
        SloDefinition guarded = PrometheusRulesTest.api("api-guarded", 0.999, "30d").withMinimumEvents(100_000_000);
        Files.writeString(dir.resolve("rules.yaml"), PrometheusRules.generate(List.of(api, guarded)));

        Instant end = Instant.ofEpochSecond(MINUTES * 60L);
        EventStore store = new EventStore(Clock.fixed(end, ZoneOffset.UTC), Duration.ofMinutes(5));
        MinuteTraffic traffic = MinuteTraffic.of(MINUTES, TOTAL_PER_MINUTE, RulesAgreeWithEngineTest::badAt);
        List<EventPoint> points = traffic.points();
        store.push("api", points);
        store.push("api-guarded", points);

        Instant earlier = end.minus(Duration.ofHours(2));
        SloStatus atEnd = SloEvaluator.evaluate(api, store.source("api"), end);
        SloStatus atEarlier = SloEvaluator.evaluate(api, store.source("api"), earlier);
        SloStatus guardedAtEnd = SloEvaluator.evaluate(guarded, store.source("api-guarded"), end);
        // The scenario is what it says: everything fires at the end, nothing two hours before, the guard holds.
        assertThat(atEnd.alerts()).allMatch(BurnRateAlert::firing);
        assertThat(atEarlier.alerts()).noneMatch(BurnRateAlert::firing);
        assertThat(guardedAtEnd.alerts()).allSatisfy(a -> assertThat(a.state()).isEqualTo(DataState.BELOW_MINIMUM));
        assertThat(atEnd.burnRate(Duration.ofHours(1)).orElseThrow().value().getAsDouble()).isEqualTo(30, org.assertj.core.api.Assertions.within(1e-9));

        List<Object> exprTests = new ArrayList<>();
        List<Object> alertTests = new ArrayList<>();
        for (SloStatus status : List.of(atEnd, atEarlier)) {
            String evalTime = Duration.between(Instant.EPOCH, status.at()).toMinutes() + "m";
            for (BurnRate rate : status.burnRates()) {
                double expected = rate.value().getAsDouble();
                exprTests.add(closeTo("tandem_slo:error_ratio{slo=\"api\",window=\"" + rate.windowName() + "\"} / 0.001",
                        expected, 0.01, evalTime, "{service=\"api\",slo=\"api\",window=\"" + rate.windowName() + "\"}"));
            }
            double periodRatio = 1 - status.sli().getAsDouble();
            exprTests.add(closeTo("tandem_slo:error_ratio{slo=\"api\",window=\"period\"}", periodRatio, 0.02, evalTime,
                    "{service=\"api\",slo=\"api\",window=\"period\"}"));
            List<Object> expected = new ArrayList<>();
            for (BurnRateAlert alert : status.alerts()) {
                if (alert.firing()) {
                    var tier = api.alertTiers().stream().filter(t -> t.name().equals(alert.tier())).findFirst().orElseThrow();
                    Map<String, Object> labels = new LinkedHashMap<>();
                    labels.put("slo", "api");
                    labels.put("service", "api");
                    labels.put("window", SloDuration.format(alert.longWindow()));
                    labels.put("tier", alert.tier());
                    labels.put("severity", alert.severity());
                    expected.add(Map.of("exp_labels", labels, "exp_annotations", PrometheusRules.annotations(api, tier)));
                }
            }
            Map<String, Object> alertTest = new LinkedHashMap<>();
            alertTest.put("eval_time", evalTime);
            alertTest.put("alertname", PrometheusRules.ALERT);
            alertTest.put("exp_alerts", expected);
            alertTests.add(alertTest);
        }
        // No traffic: no ratio at all (not NaN, not zero).
        Map<String, Object> quiet = new LinkedHashMap<>();
        quiet.put("interval", "1m");
        quiet.put("input_series", List.of(
                Map.of("series", "http_requests_total{job=\"api\",code=\"200\"}", "values", "5x120"),
                Map.of("series", "http_requests_total{job=\"api\",code=\"500\"}", "values", "1x120")));
        quiet.put("promql_expr_test", List.of(
                Map.of("expr", "tandem_slo:error_ratio{slo=\"api\",window=\"1h\"}", "eval_time", "90m", "exp_samples", List.of()),
                Map.of("expr", "tandem_slo:error_ratio{slo=\"api\",window=\"period\"}", "eval_time", "90m", "exp_samples", List.of())));
        quiet.put("alert_rule_test", List.of(Map.of("eval_time", "90m", "alertname", PrometheusRules.ALERT, "exp_alerts", List.of())));

        Map<String, Object> busy = new LinkedHashMap<>();
        busy.put("interval", "1m");
        busy.put("input_series", List.of(
                Map.of("series", "http_requests_total{job=\"api\",code=\"500\"}", "values", traffic.badSeries()),
                Map.of("series", "http_requests_total{job=\"api\",code=\"200\"}", "values", traffic.goodSeries())));
        busy.put("promql_expr_test", exprTests);
        busy.put("alert_rule_test", alertTests);

        Promtool.Result result = Promtool.testRules(dir, List.of(busy, quiet));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    /** An expression that yields 1 with the given labels when {@code expr} is within {@code relative} of {@code expected}. */
    static Map<String, Object> closeTo(String expr, double expected, double relative, String evalTime, String labels) {
        String e = new BigDecimal(expected).round(new java.math.MathContext(15)).toPlainString();
        String tolerance = new BigDecimal(expected * relative + 1e-9).round(new java.math.MathContext(6)).toPlainString();
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("expr", "abs((" + expr + ") - " + e + ") < bool " + tolerance);
        test.put("eval_time", evalTime);
        test.put("exp_samples", List.of(Map.of("labels", labels, "value", 1)));
        return test;
    }
}
