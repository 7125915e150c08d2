package dev.tandem.bench.slo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Prometheus server running the generated rules over the side by side's data does: how long its
 * rule groups took (its own {@code prometheus_rule_group_last_duration_seconds}), how much CPU one
 * evaluation round of all groups costs, whether rounds were missed or rules failed, and the 1-hour and
 * period error ratios of the sampled SLOs, asked as instant queries over the raw counters: the period
 * over exactly 30 days, and over the span Tandem's store counts (its oldest ragged hour rounded).
 */
final class PrometheusSide {

    private static final String GROUP = "\\{rule_group=\"[^\"]*;tandem-slo-[^\"]*\"\\} ";
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final int count;
    private final int days;
    private final Instant end;

    PrometheusSide(String url, int count, int days, Instant end) {
        this.url = url;
        this.count = count;
        this.days = days;
        this.end = end;
    }

    Properties measure(int intervalSeconds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (4L * intervalSeconds + 600) * 1_000_000_000L;
        String metrics = metrics();
        while (sum(metrics, "prometheus_rule_group_last_evaluation_timestamp_seconds", true) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every rule group was evaluated within " + (deadline - start) / 1_000_000_000L + " s");
            }
            Thread.sleep(Math.max(2000, intervalSeconds * 1000L / 30));
            metrics = metrics();
        }
        Properties p = new Properties();
        p.setProperty("firstRoundSeconds", String.format("%.0f", (System.nanoTime() - start) / 1e9));

        // One interval: CPU used by the process per round of all groups.
        double cpu0 = single(metrics, "process_cpu_seconds_total");
        double iterations0 = sum(metrics, "prometheus_rule_group_iterations_total", false);
        long t0 = System.nanoTime();
        Thread.sleep(intervalSeconds * 1000L);
        metrics = metrics();
        double rounds = (sum(metrics, "prometheus_rule_group_iterations_total", false) - iterations0) / count;
        p.setProperty("measuredSeconds", String.format("%.0f", (System.nanoTime() - t0) / 1e9));
        p.setProperty("rounds", String.format("%.2f", rounds));
        p.setProperty("cpuPerRoundSeconds", String.format("%.1f", (single(metrics, "process_cpu_seconds_total") - cpu0) / rounds));
        p.setProperty("groups", String.valueOf(count(metrics, "prometheus_rule_group_last_duration_seconds")));
        p.setProperty("lastEvalSumMs", String.format("%.0f", 1000 * sum(metrics, "prometheus_rule_group_last_duration_seconds", false)));
        p.setProperty("missedIterations", String.format("%.0f", sum(metrics, "prometheus_rule_group_iterations_missed_total", false)));
        p.setProperty("ruleFailures", String.format("%.0f", sum(metrics, "prometheus_rule_evaluation_failures_total", false)));
        p.setProperty("residentBytes", String.format("%.0f", single(metrics, "process_resident_memory_bytes")));
        return p;
    }

    /**
     * The sampled SLOs' ratios. Asked after the rules are unloaded: while 10,000 groups run, the query
     * engine's slots ({@code --query.max-concurrency}, 20) are taken by rule queries and an API query
     * waits its turn for up to minutes.
     */
    void ratios(Properties p) throws IOException, InterruptedException {
        String edge = (30 * 1440 - SloSideBySide.minutesTandemLeavesOut(end.getEpochSecond() / 60, days)) + "m";
        for (int i : SloSideBySide.sampled(count)) {
            p.setProperty("ratio.1h." + i, query(ratio(i, "1h")));
            p.setProperty("ratio.period." + i, query(ratio(i, "30d")));
            p.setProperty("ratio.periodHourEdge." + i, query(ratio(i, edge)));
        }
    }

    private static String ratio(int slo, String window) {
        String m = SloBlocks.METRIC;
        return "(sum(increase(" + m + "{slo=\"slo-" + slo + "\",code=\"500\"}[" + window + "])) or vector(0))"
                + " / (sum(increase(" + m + "{slo=\"slo-" + slo + "\"}[" + window + "])) > 0)";
    }

    private String query(String expr) throws IOException, InterruptedException {
        String body = get("/api/v1/query?time=" + end.getEpochSecond() + "&query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        Matcher v = VALUE.matcher(body);
        return v.find() ? v.group(1) : "NaN";
    }

    private String metrics() throws IOException, InterruptedException {
        return get("/metrics");
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The sum over the SLOs' groups (or, with {@code positive}, how many of them are above zero). */
    private static double sum(String metrics, String name, boolean positive) {
        Matcher g = Pattern.compile("(?m)^" + name + GROUP + "([0-9.e+-]+)$").matcher(metrics);
        double sum = 0;
        while (g.find()) {
            double v = Double.parseDouble(g.group(1));
            sum += positive ? (v > 0 ? 1 : 0) : v;
        }
        return sum;
    }

    private static int count(String metrics, String name) {
        Matcher g = Pattern.compile("(?m)^" + name + GROUP).matcher(metrics);
        int n = 0;
        while (g.find()) {
            n++;
        }
        return n;
    }

    private static double single(String metrics, String name) {
        Matcher g = Pattern.compile("(?m)^" + name + " ([0-9.e+-]+)$").matcher(metrics);
        if (!g.find()) {
            throw new IllegalStateException(name + " is not in Prometheus's metrics");
        }
        return Double.parseDouble(g.group(1));
    }
}
