package dev.tandem.slo.prometheus;

import dev.tandem.slo.BurnRate;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloEvaluator;
import dev.tandem.slo.SloStatus;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A real Prometheus server (Debian's package) on a free loopback port, with three days of the same
 * traffic as {@link RulesAgreeWithEngineTest} backfilled through {@code promtool tsdb
 * create-blocks-from openmetrics}. The generated rules' expressions are queried over the HTTP API at
 * the end of the data and must match the engine's burn rates.
 */
class PrometheusServerTest {

    @Test
    void aPrometheusServerAnswersTheGeneratedExpressionsLikeTheEngine(@TempDir Path dir) throws Exception {
        SloDefinition api = PrometheusRulesTest.api("api", 0.999, "30d");
        // Whole minutes, ending a few minutes ago, inside Prometheus's default retention.
        long endMinute = Instant.now().getEpochSecond() / 60 - 5;
        long startMinute = endMinute - RulesAgreeWithEngineTest.MINUTES;
        Instant end = Instant.ofEpochSecond(endMinute * 60);

        EventStore store = new EventStore(Clock.fixed(end, ZoneOffset.UTC), Duration.ofMinutes(5));
        StringBuilder bad = new StringBuilder();
        StringBuilder good = new StringBuilder();
        long badSum = 0;
        long goodSum = 0;
        List<EventPoint> points = new ArrayList<>();
        for (int m = 0; m <= RulesAgreeWithEngineTest.MINUTES; m++) {
            long t = (startMinute + m) * 60;
            bad.append("http_requests_total{job=\"api\",code=\"500\"} ").append(badSum).append(' ').append(t).append('\n');
            good.append("http_requests_total{job=\"api\",code=\"200\"} ").append(goodSum).append(' ').append(t).append('\n');
            if (m < RulesAgreeWithEngineTest.MINUTES) {
                int b = RulesAgreeWithEngineTest.badAt(m);
                points.add(EventPoint.bad(Instant.ofEpochSecond(t), b, RulesAgreeWithEngineTest.TOTAL_PER_MINUTE));
                badSum += b;
                goodSum += RulesAgreeWithEngineTest.TOTAL_PER_MINUTE - b;
            }
        }
        store.push("api", points);
        SloStatus status = SloEvaluator.evaluate(api, store.source("api"), end);

        Path openMetrics = dir.resolve("data.om");
        Files.writeString(openMetrics, "# TYPE http_requests counter\n" + bad + good + "# EOF\n");
        Path data = Files.createDirectory(dir.resolve("data"));
        Promtool.Result created = Promtool.run(dir, "tsdb", "create-blocks-from", "openmetrics", openMetrics.toString(), data.toString());
        assertThat(created.exitCode()).as(created.output()).isZero();

        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, PrometheusRules.generate(api));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  evaluation_interval: 1m\nrule_files:\n  - " + rules + "\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(Promtool.binary().resolveSibling("prometheus").toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=30d")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String base = "http://127.0.0.1:" + port;
            waitUntilReady(http, base, server, dir);
            Map<String, String> expressions = errorRatioExpressions(PrometheusRules.generate(api));
            for (BurnRate rate : status.burnRates()) {
                String expr = expressions.get(rate.windowName());
                double got = query(http, base, expr, end);
                assertThat(got / 0.001).as(rate.windowName() + ": " + expr).isCloseTo(rate.value().getAsDouble(),
                        within(rate.value().getAsDouble() * 0.01));
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
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

    private static void waitUntilReady(HttpClient http, String base, Process server, Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("prometheus not ready within 60 s: " + Files.readString(dir.resolve("prometheus.log")));
    }

    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");

    private static double query(HttpClient http, String base, String expr, Instant at) throws Exception {
        String url = base + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8) + "&time=" + at.getEpochSecond();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = VALUE.matcher(r.body());
        assertThat(m.find()).as("one sample for " + expr + ": " + r.body()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
