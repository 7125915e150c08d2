package dev.tandem.slo;

import dev.tandem.slo.prometheus.PrometheusRules;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Threshold and raw-ratio SLOs on a real Prometheus server, fed with three hours of known per-minute values
 * (ten of them NaN): the server's status agrees with the generated rules' expressions queried on the same
 * server at the same instant, and with what the data says; without data it is NO_DATA; with Prometheus down
 * it is STALE with the last good figures, and fresh again when Prometheus is back.
 */
@IntegrationTest
class PrometheusValuesIT {

    static final int MINUTES = 180;

    @LocalServerPort
    int port;

    @Autowired
    SloMonitor monitor;

    @Autowired
    Slos slos;

    /** The p99 latency: 0.2 s for two hours (NaN for ten minutes: no traffic), then 3 minutes of 10 at 0.45 s, the rest 0.25 s. */
    static double latencyAt(int m) {
        if (m >= 20 && m < 30) {
            return Double.NaN;
        }
        if (m < MINUTES - 60) {
            return 0.2;
        }
        return m % 10 < 3 ? 0.45 : 0.25;
    }

    /** The error ratio: 0.1 % for two hours (NaN for ten minutes), then 30 % and 10 % in turn (20 % on average). */
    static double errorRatioAt(int m) {
        if (m >= 20 && m < 30) {
            return Double.NaN;
        }
        if (m < MINUTES - 60) {
            return 0.001;
        }
        return m % 2 == 0 ? 0.3 : 0.1;
    }

    static String value(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    static String threshold(String name, String service, String source, String query) {
        return """
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: %s
                  annotations:
                    tandem.dev/owner: sre-team
                spec:
                  service: %s
                  indicator:
                    metadata:
                      name: %s-p99
                    spec:
                      thresholdMetric:
                        metricSource:
                          metricSourceRef: %s
                          spec:
                            query: '%s'
                  timeWindow:
                    - duration: 30d
                      isRolling: true
                  budgetingMethod: Occurrences
                  objectives:
                    - op: lte
                      value: 0.3
                      target: 0.99
                """.formatted(name, service, name, source, query);
    }

    static String raw(String name, String service, String source, String query) {
        return """
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: %s
                  annotations:
                    tandem.dev/owner: sre-team
                spec:
                  service: %s
                  indicator:
                    metadata:
                      name: %s-errors
                    spec:
                      ratioMetric:
                        rawType: failure
                        raw:
                          metricSource:
                            metricSourceRef: %s
                            spec:
                              query: '%s'
                  timeWindow:
                    - duration: 30d
                      isRolling: true
                  budgetingMethod: Occurrences
                  objectives:
                    - target: 0.99
                """.formatted(name, service, name, source, query);
    }

    @Test
    void thresholdAndRawRatioSlosAgreeWithTheGeneratedRulesAndGoStaleWhenPrometheusIsDown(@TempDir Path dir) throws Exception {
        SloFixture f = new SloFixture(port);
        String job = "pv" + f.run;
        long endMinute = Instant.now().getEpochSecond() / 60 - 1;
        long startMinute = endMinute - MINUTES;
        StringBuilder latency = new StringBuilder("# TYPE api_latency_p99_seconds gauge\n");
        StringBuilder errors = new StringBuilder("# TYPE api_error_ratio gauge\n");
        StringBuilder failed = new StringBuilder();
        StringBuilder served = new StringBuilder();
        long failedSum = 0;
        long servedSum = 0;
        int valued = 0;
        for (int m = 0; m <= MINUTES; m++) {
            long t = (startMinute + m) * 60;
            // counters for a Sloth-style template: 600 requests a minute at the gauge's error ratio, none while it is NaN
            failed.append("api_requests_total{job=\"").append(job).append("\",code=\"500\"} ").append(failedSum).append(' ').append(t).append('\n');
            served.append("api_requests_total{job=\"").append(job).append("\",code=\"200\"} ").append(servedSum).append(' ').append(t).append('\n');
            if (!Double.isNaN(errorRatioAt(m))) {
                long bad = Math.round(600 * errorRatioAt(m));
                failedSum += bad;
                servedSum += 600 - bad;
            }
            latency.append("api_latency_p99_seconds{job=\"").append(job).append("\"} ").append(value(latencyAt(m))).append(' ').append(t).append('\n');
            errors.append("api_error_ratio{job=\"").append(job).append("\"} ").append(value(errorRatioAt(m))).append(' ').append(t).append('\n');
            valued += Double.isNaN(latencyAt(m)) ? 0 : 1;
        }
        try (PrometheusServer prometheus = PrometheusServer.backfilled(dir, latency.toString() + errors
                + "# TYPE api_requests counter\n" + failed + served + "# EOF\n")) {
            String service = f.service("pv", "B");
            String latencyName = "pv-latency-" + f.run;
            String errorsName = "pv-errors-" + f.run;
            String emptyName = "pv-empty-" + f.run;
            String templateName = "pv-template-" + f.run;
            String template = "sum(rate(api_requests_total{job=\"" + job + "\",code=\"500\"}[{{.window}}])) / sum(rate(api_requests_total{job=\"" + job + "\"}[{{.window}}]))";
            String source = "prom-pv-" + f.run;
            String file = SloFixture.dataSource(source, prometheus.url())
                    + threshold(latencyName, service, source, "api_latency_p99_seconds{job=\"" + job + "\"}") + "---\n"
                    + raw(errorsName, service, source, "api_error_ratio{job=\"" + job + "\"}") + "---\n"
                    + threshold(emptyName, service, source, "api_latency_p99_seconds{job=\"nothing-" + job + "\"}") + "---\n"
                    + raw(templateName, service, source, template);
            status(f.member().postYaml("/api/v1/slos/import", file), 200);

            // threshold: the status agrees with the generated rules' expressions at the same instant
            JsonNode lat = status(f.admin.get("/api/v1/slos/" + latencyName + "/status"), 200).json();
            assertThat(lat.get("dataState").asString()).as(lat.toString()).isEqualTo("OK");
            assertAgreesWithRules(lat, SloFixture.definition(SloFixture.dataSource(source, prometheus.url())
                    + threshold(latencyName, service, source, "api_latency_p99_seconds{job=\"" + job + "\"}")), prometheus.url());
            // and with the data: in the last hour 3 minutes of 10 miss 0.3 s, a burn rate of 0.3 / 0.01 = 30
            assertThat(lat.get("burnRates").get("1h").asDouble()).isCloseTo(30, within(30 * 0.1));
            assertThat(lat.get("errorBudget").get("unit").asString()).isEqualTo("MINUTES");
            long total = lat.get("counts").get("total").asLong();
            // the NaN minutes are no data; Prometheus carries the last sample up to five minutes past the data
            assertThat(total).isBetween((long) valued - 1, (long) valued + 6);
            assertThat(lat.get("counts").get("bad").asLong()).isBetween(17L, 25L);
            assertThat(lat.get("sli").asDouble()).isCloseTo(1 - lat.get("counts").get("bad").asDouble() / total, within(1e-9));
            assertThat(lat.get("errorBudget").get("spent").asDouble()).isEqualTo(lat.get("counts").get("bad").asDouble());
            assertThat(lat.get("errorBudget").get("allowed").asDouble()).isCloseTo(total * 0.01, within(1e-6));
            assertThat(lat.get("timeToExhaustionSeconds").asLong()).isZero();
            assertAlertsFollowTheirBurnRates(lat);

            // raw ratio: the mean of the per-minute ratios, time-weighted
            JsonNode err = status(f.admin.get("/api/v1/slos/" + errorsName + "/status"), 200).json();
            assertThat(err.get("dataState").asString()).as(err.toString()).isEqualTo("OK");
            assertAgreesWithRules(err, SloFixture.definition(SloFixture.dataSource(source, prometheus.url())
                    + raw(errorsName, service, source, "api_error_ratio{job=\"" + job + "\"}")), prometheus.url());
            assertThat(err.get("burnRates").get("1h").asDouble()).isCloseTo(20, within(20 * 0.05));
            assertThat(err.get("burnRates").get("3d").asDouble()).isCloseTo((60 * 0.2 + 110 * 0.001) / valued / 0.01, within(2.0));
            assertThat(err.get("errorBudget").get("unit").asString()).isEqualTo("MINUTES");
            assertThat(err.get("errorBudget").get("spent").asDouble()).isCloseTo(60 * 0.2 + 110 * 0.001, within(1.5));
            assertAlertsFollowTheirBurnRates(err);

            // a Sloth-style template: each alert window is the template over that window, as in the rules; the
            // period is the mean of its 5-minute values per minute (NaN while there was no traffic: no data)
            JsonNode tpl = status(f.admin.get("/api/v1/slos/" + templateName + "/status"), 200).json();
            assertThat(tpl.get("dataState").asString()).as(tpl.toString()).isEqualTo("OK");
            SloDefinition templateSlo = SloFixture.definition(SloFixture.dataSource(source, prometheus.url()) + raw(templateName, service, source, template));
            assertBurnRatesAgreeWithRules(tpl, templateSlo, prometheus.url());
            assertThat(tpl.get("burnRates").get("1h").asDouble()).isCloseTo(20, within(20 * 0.1));
            String fiveMinutes = "(" + template.replace("{{.window}}", "5m") + ")";
            double periodRatio = query(prometheus.url(), "sum(sum_over_time(clamp((" + fiveMinutes + " >= -Inf), 0, 1)[30d:1m]))"
                    + " / sum(count_over_time((" + fiveMinutes + " >= -Inf)[30d:1m]))", Instant.parse(tpl.get("at").asString()));
            assertThat(tpl.get("sli").asDouble()).isCloseTo(1 - periodRatio, within(1e-9));
            assertThat(tpl.get("counts").get("total").asLong()).as("minutes without traffic are no data").isLessThan(MINUTES - 3);
            assertAlertsFollowTheirBurnRates(tpl);

            // the SLI over a span, for exit criteria, in minutes
            Instant at = Instant.parse(lat.get("at").asString());
            SliWindow window = monitor.sli(latencyName, Duration.ofHours(4), at);
            assertThat(window.dataState()).isEqualTo("OK");
            assertThat(window.total()).isBetween((long) valued - 1, (long) valued + 6);
            assertThat(window.sli()).isLessThan(1.0);

            // the page's charts: the burn-down ends where the status is
            List<Reports.HistoryPoint> history = monitor.history(slos.get(latencyName), at, 60);
            assertThat(history).as("one fetch, so every point").hasSize(60);
            assertThat(history.get(history.size() - 1).remaining()).isCloseTo(lat.get("errorBudget").get("remaining").asDouble(), within(0.05));

            // the page says minutes, and draws both charts
            java.net.http.HttpResponse<String> page = dev.tandem.support.PageSession.admin(port).get("/slos/" + latencyName);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Minutes (good / with data)").doesNotContain("Events (good / total)")
                    .doesNotContain("NaN").contains("<svg");

            // no series: NO_DATA, no NaN, the budget untouched
            Api.Response empty = status(f.admin.get("/api/v1/slos/" + emptyName + "/status"), 200);
            assertThat(empty.body()).doesNotContain("NaN").doesNotContain("Infinity");
            assertThat(empty.json().get("dataState").asString()).isEqualTo("NO_DATA");
            assertThat(empty.json().has("sli")).isFalse();
            assertThat(empty.json().get("errorBudget").get("remaining").asDouble()).isEqualTo(1.0);
            // evaluated by the engine (a period, every alert) rather than refused
            assertThat(empty.json().has("periodStart")).isTrue();
            assertThat(empty.json().has("staleReason")).isFalse();
            assertThat(empty.json().get("alerts")).hasSize(4);
            for (String w : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d")) {
                assertThat(empty.json().get("burnRates").path(w).isNumber()).as(w).isFalse();
            }
            assertThat(empty.json().get("alerts").get(0).get("state").asString()).isEqualTo("NO_DATA");

            // Prometheus down: the last good figures, STALE; back: fresh
            prometheus.stop();
            JsonNode stale = status(f.admin.get("/api/v1/slos/" + latencyName + "/status"), 200).json();
            assertThat(stale.get("dataState").asString()).isEqualTo("STALE");
            assertThat(stale.get("staleReason").asString()).contains(prometheus.url());
            assertThat(Instant.parse(stale.get("lastFreshAt").asString())).isAfterOrEqualTo(at);
            assertThat(stale.get("burnRates").get("1h").asDouble()).isCloseTo(lat.get("burnRates").get("1h").asDouble(), within(3.0));
            assertThat(stale.get("errorBudget").get("unit").asString()).isEqualTo("MINUTES");
            assertThat(monitor.history(slos.get(latencyName), at, 60)).isEmpty();
            assertThat(monitor.sli(latencyName, Duration.ofHours(4), at).dataState()).isEqualTo("STALE");

            prometheus.start();
            JsonNode back = status(f.admin.get("/api/v1/slos/" + latencyName + "/status"), 200).json();
            assertThat(back.get("dataState").asString()).isEqualTo("OK");
            assertThat(Instant.parse(back.get("at").asString())).isAfter(at);
        }
    }

    /** Four hours five days ago: an hour good, an hour half bad, a quarter hour NaN, then good with one bad minute in ten. */
    static double oldLatencyAt(int m) {
        if (m >= 120 && m < 135) {
            return Double.NaN;
        }
        if (m >= 60 && m < 120) {
            return m % 2 == 0 ? 0.5 : 0.1;
        }
        if (m >= 180) {
            return m % 10 == 5 ? 0.5 : 0.1;
        }
        return 0.1;
    }

    /** A success ratio over the same four hours: 99.9 %, 90 % in the second hour, NaN, and one sample above 1 (clamped). */
    static double oldSuccessAt(int m) {
        if (m >= 120 && m < 135) {
            return Double.NaN;
        }
        if (m == 200) {
            return 1.2;
        }
        return m >= 60 && m < 120 ? 0.9 : 0.999;
    }

    static String timeslices(String name, String service, String source, String query) {
        return threshold(name, service, source, query).replace("budgetingMethod: Occurrences", "budgetingMethod: Timeslices")
                .replace("      target: 0.99\n", "      target: 0.95\n      timeSliceTarget: 0.9\n      timeSliceWindow: 5m\n");
    }

    @Test
    void dataOlderThanTheMinutesIsReadInHourAndSliceBucketsWithTheSameFigures(@TempDir Path dir) throws Exception {
        SloFixture f = new SloFixture(port);
        String job = "pb" + f.run;
        long oldStart = (Instant.now().getEpochSecond() / 3600 - 5 * 24) * 3600;
        StringBuilder latency = new StringBuilder("# TYPE api_latency_p99_seconds gauge\n");
        StringBuilder success = new StringBuilder("# TYPE api_success_ratio gauge\n");
        for (int m = 0; m < 240; m++) {
            long t = oldStart + m * 60L;
            latency.append("api_latency_p99_seconds{job=\"").append(job).append("\"} ").append(value(oldLatencyAt(m))).append(' ').append(t).append('\n');
            success.append("api_success_ratio{job=\"").append(job).append("\"} ").append(value(oldSuccessAt(m))).append(' ').append(t).append('\n');
        }
        try (PrometheusServer prometheus = PrometheusServer.backfilled(dir, latency.toString() + success + "# EOF\n")) {
            String service = f.service("pb", "B");
            String source = "prom-pb-" + f.run;
            String latencyQuery = "api_latency_p99_seconds{job=\"" + job + "\"}";
            String successQuery = "api_success_ratio{job=\"" + job + "\"}";
            String occurrences = "pb-occ-" + f.run;
            String slices = "pb-slices-" + f.run;
            String successName = "pb-success-" + f.run;
            String successSlo = raw(successName, service, source, successQuery).replace("rawType: failure", "rawType: success");
            status(f.member().postYaml("/api/v1/slos/import", SloFixture.dataSource(source, prometheus.url())
                    + threshold(occurrences, service, source, latencyQuery) + "---\n"
                    + timeslices(slices, service, source, latencyQuery) + "---\n" + successSlo), 200);

            // Occurrences: the SLI over the window is the rules' own expression over 30 days (one query of 43,200 steps)
            for (String name : List.of(occurrences, successName)) {
                JsonNode st = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
                assertThat(st.get("dataState").asString()).as(st.toString()).isEqualTo("OK");
                SloDefinition slo = slos.get(name).definition().withAlertTiers(List.of(
                        AlertTier.ofFactor("whole", "ticket", Duration.ofDays(30), Duration.ofHours(1), java.math.BigDecimal.ONE)));
                String expr = errorRatioExpressions(PrometheusRules.generate(slo)).get("30d");
                double ratio = query(prometheus.url(), expr, Instant.parse(st.get("at").asString()));
                assertThat(ratio).as(expr).isGreaterThan(0.01);
                assertThat(st.get("sli").asDouble()).as(name).isCloseTo(1 - ratio, within(1e-9));
                assertThat(st.get("errorBudget").get("consumed").asDouble()).isCloseTo(ratio / 0.01, within(1e-6));
                // nothing in the last three days: no burn
                assertThat(st.get("burnRates").path("3d").isNumber()).isFalse();
                // overspent already: exhausted, whatever burns now
                assertThat(st.get("timeToExhaustionSeconds").asLong()).isZero();
            }
            JsonNode occ = status(f.admin.get("/api/v1/slos/" + occurrences + "/status"), 200).json();
            // 225 minutes with a value (and the last one carried for up to five minutes), 30 + 6 bad
            assertThat(occ.get("counts").get("bad").asLong()).isEqualTo(36);
            assertThat(occ.get("counts").get("total").asLong()).isBetween(225L, 230L);

            // Timeslices of 5 minutes (5-minute buckets): the same verdicts as the engine over a plain per-minute read
            JsonNode sl = status(f.admin.get("/api/v1/slos/" + slices + "/status"), 200).json();
            assertThat(sl.get("dataState").asString()).as(sl.toString()).isEqualTo("OK");
            Instant at = Instant.parse(sl.get("at").asString());
            SloDefinition definition = slos.get(slices).definition();
            dev.tandem.slo.store.EventStore store = new dev.tandem.slo.store.EventStore(
                    java.time.Clock.fixed(at, java.time.ZoneOffset.UTC), Duration.ofMinutes(5));
            store.configure("engine", dev.tandem.slo.store.Retention.forSlo(definition));
            List<dev.tandem.slo.store.EventPoint> points = new java.util.ArrayList<>();
            for (double[] sample : rangeValues(prometheus.url(), latencyQuery, oldStart - 3600, oldStart + 6 * 3600)) {
                if (!Double.isNaN(sample[1])) {
                    // the sample at T stands for the minute that ends at T
                    points.add(dev.tandem.slo.store.EventPoint.good(Instant.ofEpochSecond((long) sample[0] - 60), sample[1] <= 0.3 ? 1 : 0, 1));
                }
            }
            store.push("engine", points);
            SloStatus engine = SloEvaluator.evaluate(definition, store.source("engine"), at);
            assertThat(sl.get("errorBudget").get("unit").asString()).isEqualTo("TIMESLICES");
            assertThat(sl.get("errorBudget").get("spent").asDouble()).isEqualTo(engine.errorBudget().spent());
            assertThat(sl.get("errorBudget").get("allowed").asDouble()).isCloseTo(engine.errorBudget().allowed(), within(1e-9));
            assertThat(sl.get("sli").asDouble()).isCloseTo(engine.sli().getAsDouble(), within(1e-12));
            // a slice (start, start + 5m] takes the samples at its minutes' ends: the half-bad hour's 60 samples
            // fail 13 slices (its first sample closes the slice before it), one bad minute in ten fails 6 more
            assertThat(engine.errorBudget().spent()).isEqualTo(19);
        }
    }

    /** A plain range query at a 1-minute step: [time, value] of the first series. */
    static List<double[]> rangeValues(String base, String expr, long start, long end) throws Exception {
        String url = base + "/api/v1/query_range?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&start=" + start + "&end=" + end + "&step=60";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode values = dev.tandem.shared.Json.mapper().readTree(r.body()).path("data").path("result").get(0).path("values");
        List<double[]> out = new java.util.ArrayList<>();
        for (JsonNode v : values) {
            String text = v.get(1).asString();
            out.add(new double[]{v.get(0).asDouble(), text.equals("NaN") ? Double.NaN : Double.parseDouble(text)});
        }
        assertThat(out).hasSizeGreaterThan(200);
        return out;
    }

    /** Each burn rate equals the rules' error ratio over its window ÷ (1 − objective), queried at the status's instant. */
    static void assertAgreesWithRules(JsonNode status, SloDefinition slo, String url) throws Exception {
        assertBurnRatesAgreeWithRules(status, slo, url);
        Map<String, String> expressions = errorRatioExpressions(PrometheusRules.generate(slo));
        Instant at = Instant.parse(status.get("at").asString());
        double allowed = 1 - slo.objective().target();
        // all the data lies within the 3-day window: the period's SLI is the 3-day one
        assertThat(status.get("sli").asDouble()).isCloseTo(1 - query(url, expressions.get("3d"), at), within(1e-9));
        assertThat(status.get("errorBudget").get("consumed").asDouble())
                .isCloseTo(query(url, expressions.get("3d"), at) / allowed, within(1e-6));
        // the 5-minute bad and total the rules record for the period ratio: the server's 5-minute figures
        Map<String, String> records = recordExpressions(PrometheusRules.generate(slo));
        double bad = query(url, records.get(PrometheusRules.BAD_5M), at);
        double total = query(url, records.get(PrometheusRules.TOTAL_5M), at);
        assertThat(total).isGreaterThan(0);
        assertThat(status.get("burnRates").get("5m").asDouble()).isCloseTo(bad / total / allowed, within(1e-6));
    }

    static void assertBurnRatesAgreeWithRules(JsonNode status, SloDefinition slo, String url) throws Exception {
        Map<String, String> expressions = errorRatioExpressions(PrometheusRules.generate(slo));
        Instant at = Instant.parse(status.get("at").asString());
        double allowed = 1 - slo.objective().target();
        Iterator<Map.Entry<String, JsonNode>> rates = status.get("burnRates").properties().iterator();
        int compared = 0;
        while (rates.hasNext()) {
            Map.Entry<String, JsonNode> rate = rates.next();
            String expr = expressions.get(rate.getKey());
            assertThat(expr).as(rate.getKey()).isNotNull();
            double rule = query(url, expr, at);
            assertThat(rate.getValue().asDouble()).as(rate.getKey() + ": " + expr).isCloseTo(rule / allowed, within(1e-6));
            compared++;
        }
        assertThat(compared).isEqualTo(7);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> recordExpressions(String rulesYaml) {
        Map<String, Object> file = new Yaml().load(rulesYaml);
        Map<String, String> byName = new HashMap<>();
        for (Object g : (List<Object>) file.get("groups")) {
            for (Object r : (List<Object>) ((Map<String, Object>) g).get("rules")) {
                Map<String, Object> rule = (Map<String, Object>) r;
                if (rule.get("record") != null && !PrometheusRules.ERROR_RATIO.equals(rule.get("record"))) {
                    byName.put((String) rule.get("record"), (String) rule.get("expr"));
                }
            }
        }
        return byName;
    }

    static void assertAlertsFollowTheirBurnRates(JsonNode status) {
        for (JsonNode alert : status.get("alerts")) {
            double factor = alert.get("factor").asDouble();
            boolean expected = alert.get("longBurnRate").asDouble() > factor && alert.get("shortBurnRate").asDouble() > factor;
            assertThat(alert.get("firing").asBoolean()).as(alert.toString()).isEqualTo(expected);
            assertThat(alert.get("state").asString()).isEqualTo("OK");
        }
        assertThat(status.get("alerts").get(0).get("tier").asString()).isEqualTo("page-1h");
        assertThat(status.get("alerts").get(0).get("firing").asBoolean()).as("the last hour burns at 20 or more; the last 5 minutes decide")
                .isEqualTo(status.get("burnRates").get("5m").asDouble() > 14.4);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> errorRatioExpressions(String rulesYaml) {
        Map<String, Object> file = new Yaml().load(rulesYaml);
        Map<String, String> byWindow = new HashMap<>();
        for (Object g : (List<Object>) file.get("groups")) {
            for (Object r : (List<Object>) ((Map<String, Object>) g).get("rules")) {
                Map<String, Object> rule = (Map<String, Object>) r;
                if (PrometheusRules.ERROR_RATIO.equals(rule.get("record"))) {
                    byWindow.put(((Map<String, String>) rule.get("labels")).get("window"), (String) rule.get("expr"));
                }
            }
        }
        return byWindow;
    }

    static double query(String base, String expr, Instant at) throws Exception {
        String time = at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000);
        String url = base + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8) + "&time=" + time;
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = dev.tandem.shared.Json.mapper().readTree(r.body()).path("data").path("result");
        assertThat(result.size()).as("one sample for " + expr + ": " + r.body()).isEqualTo(1);
        return Double.parseDouble(result.get(0).path("value").get(1).asString());
    }
}
