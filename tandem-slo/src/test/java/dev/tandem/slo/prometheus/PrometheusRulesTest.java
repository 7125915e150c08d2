package dev.tandem.slo.prometheus;

import dev.tandem.slo.AlertTier;
import dev.tandem.slo.BudgetingMethod;
import dev.tandem.slo.Indicator;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.Objective;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.TimeWindow;
import dev.tandem.slo.format.OpenSloReader;
import dev.tandem.slo.format.SloFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusRulesTest {

    static final String BAD = "http_requests_total{job=\"api\",code=\"500\"}";
    static final String TOTAL = "http_requests_total{job=\"api\"}";

    static SloDefinition api(String name, double target, String window) {
        return SloDefinition.of(name, "api", Indicator.of("api-requests", IndicatorMetric.Ratio.badOverTotal(
                MetricSource.prometheus(BAD), MetricSource.prometheus(TOTAL))), target, SloDuration.parse(window));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PrometheusRulesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thresholdsAreExactDecimals() {
        SloDefinition slo = api("api", 0.999, "30d");
        assertThat(AlertTier.defaults().stream().map(t -> PrometheusRules.threshold(slo, t).toPlainString()))
                .containsExactly("0.0144", "0.006", "0.003", "0.001");
        SloDefinition fourWeeks = api("api", 0.9995, "28d");
        assertThat(AlertTier.defaults().stream().map(t -> PrometheusRules.threshold(fourWeeks, t).toPlainString()))
                .containsExactly("0.00672", "0.0028", "0.0014", "0.000466666666667");
        String rules = PrometheusRules.generate(slo);
        assertThat(rules).contains("> 0.0144\n", "> 0.001\n", "/ 0.001\n", "vector(0.999)")
                .doesNotContain("0.000999", "0.0009999", "E-");
    }

    @Test
    void rulesCarryTheTierLabelAndGuardAgainstZeroTraffic() {
        String rules = PrometheusRules.generate(api("api", 0.999, "30d").withMinimumEvents(500));
        assertThat(rules).contains("tier: page-1h", "tier: page-6h", "tier: ticket-1d", "tier: ticket-3d", "severity: page", "severity: ticket")
                .contains("> 0)").contains("or vector(0)")
                .contains("and ignoring(window) tandem_slo:total_events{slo=\"api\",window=\"1h\"} >= 500");
        // The period ratio divides sums of event counts, never averages ratios.
        assertThat(rules).contains("sum_over_time(tandem_slo:bad_events:increase5m{slo=\"api\"}[30d]) / (sum_over_time(tandem_slo:total_events:increase5m{slo=\"api\"}[30d]) > 0)")
                .doesNotContain("avg_over_time(tandem_slo:error_ratio");
    }

    @Test
    void refusesSlosWithoutPrometheusQueries() {
        SloDefinition builtIn = SloDefinition.of("batch", "billing", Indicator.of("runs",
                IndicatorMetric.Ratio.goodOverTotal(MetricSource.builtIn(), MetricSource.builtIn())), 0.99, SloDuration.parse("30d"));
        assertThatThrownBy(() -> PrometheusRules.generate(builtIn)).hasMessageContaining("built-in store");
        SloDefinition computed = SloDefinition.of("x", "api", Indicator.of("x", IndicatorMetric.Ratio.badOverTotal(
                MetricSource.prometheus("sum(rate(errors_total[5m]))"), MetricSource.prometheus(TOTAL))), 0.99, SloDuration.parse("30d"));
        assertThatThrownBy(() -> PrometheusRules.generate(computed)).hasMessageContaining("metric selector").hasMessageContaining("{{.window}}");
    }

    @Test
    void promtoolAcceptsTheRulesOfManyKindsOfSlo(@TempDir Path dir) throws Exception {
        List<SloDefinition> slos = new ArrayList<>();
        slos.addAll(OpenSloReader.read(resource("/openslo/full.yaml")).slos().stream()
                .filter(s -> !s.indicator().readsBuiltInStore()).toList());
        slos.addAll(SloFiles.read(resource("/sloth/myservice.yaml")).slos());
        slos.add(api("api-week", 0.99, "7d").withMinimumEvents(100));
        slos.add(api("api-good", 0.995, "28d").withBudgetingMethod(new BudgetingMethod.RatioTimeslices(SloDuration.parse("5m"))));
        slos.add(new SloDefinition("api-latency", null, null, "api", null, Indicator.of("p99", new IndicatorMetric.Threshold(
                MetricSource.prometheus("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"))),
                new BudgetingMethod.Occurrences(), new Objective(null, 0.99, false, Objective.Op.LT, 0.25),
                new TimeWindow.Rolling(SloDuration.parse("30d")), AlertTier.defaults(), 0, Map.of("tandem.dev/team", "core")));
        assertThat(slos).hasSizeGreaterThanOrEqualTo(8);
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, PrometheusRules.generate(slos));
        Promtool.Result result = Promtool.run(dir, "check", "rules", file.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
        assertThat(Files.readString(file)).contains("tandem_dev_team: core");
    }

    @Test
    void calendarMonthsFollowTheZoneAcrossDaylightSaving() {
        TimeWindow.Calendar months = new TimeWindow.Calendar(SloDuration.parse("1M"), LocalDateTime.of(2026, 1, 1, 0, 0), ZoneId.of("Europe/Berlin"));
        List<Instant> bounds = PrometheusRules.boundaries(months, Instant.parse("2026-03-15T12:00:00Z"));
        // From the month before the current one; Berlin is UTC+1 in winter and UTC+2 from 29 March 2026.
        assertThat(bounds.subList(0, 4)).containsExactly(
                Instant.parse("2026-01-31T23:00:00Z"), Instant.parse("2026-02-28T23:00:00Z"),
                Instant.parse("2026-03-31T22:00:00Z"), Instant.parse("2026-04-30T22:00:00Z"));
        assertThat(bounds.get(bounds.size() - 1)).isAfterOrEqualTo(Instant.parse("2028-03-15T12:00:00Z"));
        assertThat(bounds).hasSizeLessThanOrEqualTo(27);

        SloDefinition slo = api("api-monthly", 0.999, "30d").withTimeWindow(months);
        String rules = PrometheusRules.generate(List.of(slo), Instant.parse("2026-03-15T12:00:00Z"));
        assertThat(rules)
                .contains("record: tandem_slo:period_start")
                .contains("vector(1769900400 + (time() >= bool 1772319600) * 2419200 + (time() >= bool 1774994400) * 2674800")
                .contains("scalar(tandem_slo:period_start{slo=\"api-monthly\"} @ end()) + 300")
                .contains("[44705m:5m]")
                .contains("alert: SloRulesCalendarEnding")
                .doesNotContain("[30d])");

        // A daily window is cut at MAX_BOUNDARIES periods, and says so ahead of time.
        TimeWindow.Calendar days = new TimeWindow.Calendar(SloDuration.parse("1d"), LocalDateTime.of(2026, 1, 1, 0, 0), ZoneId.of("UTC"));
        List<Instant> daily = PrometheusRules.boundaries(days, Instant.parse("2026-03-15T12:00:00Z"));
        assertThat(daily).hasSize(PrometheusRules.MAX_BOUNDARIES);
        assertThat(daily.get(daily.size() - 1)).isEqualTo(Instant.parse("2026-03-14T00:00:00Z").plus(Duration.ofDays(PrometheusRules.MAX_BOUNDARIES - 1)));
    }
}
