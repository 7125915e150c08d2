package dev.tandem.bench.slo;

import dev.tandem.slo.BurnRate;
import dev.tandem.slo.Indicator;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.SloEvaluator;
import dev.tandem.slo.SloStatus;
import dev.tandem.slo.prometheus.PrometheusRules;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;

import java.io.BufferedWriter;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same SLOs and minute data in Tandem's engine and, as generated rules, in a Prometheus server:
 * writes the data as OpenMetrics and the rules file into DIR, for {@code bench/scripts/slo-side-by-side.sh}
 * to backfill and load; with {@code --compare URL}, times the engine on the same data, reads
 * Prometheus's own rule-group durations and checks that the 1-hour error ratios agree.
 *
 * <pre>java -cp tandem-bench.jar dev.tandem.bench.slo.SloSideBySide DIR SLOS DAYS END_EPOCH_MINUTE [--compare URL]</pre>
 */
public final class SloSideBySide {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int days = Integer.parseInt(args[2]);
        long endMinute = Long.parseLong(args[3]);
        long minutes = days * 1440L;
        Instant end = Instant.ofEpochSecond(endMinute * 60);
        List<SloDefinition> slos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String sel = "slo_requests_total{slo=\"slo-" + i + "\"";
            slos.add(SloDefinition.of("slo-" + i, "service-" + (i / 2), Indicator.of("requests-" + i,
                    IndicatorMetric.Ratio.badOverTotal(MetricSource.prometheus(sel + ",code=\"500\"}"), MetricSource.prometheus(sel + "}"))),
                    0.999, SloDuration.parse("30d")));
        }
        if (args.length < 6) {
            Files.writeString(dir.resolve("rules.yaml"), PrometheusRules.generate(slos));
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("data.om"))) {
                w.write("# TYPE slo_requests counter\n");
                for (int i = 0; i < count; i++) {
                    for (String code : new String[] {"500", "200"}) {
                        long sum = 0;
                        for (long m = 0; m <= minutes; m++) {
                            w.write("slo_requests_total{slo=\"slo-" + i + "\",code=\"" + code + "\"} " + sum + " " + (endMinute - minutes + m) * 60 + "\n");
                            long bad = SloFleet.bad(i, m);
                            sum += code.equals("500") ? bad : SloFleet.total(i, m) - bad;
                        }
                    }
                }
                w.write("# EOF\n");
            }
            System.out.println("wrote " + dir.resolve("data.om") + " and " + dir.resolve("rules.yaml"));
            return;
        }
        String url = args[5];
        EventStore store = new EventStore(Clock.fixed(end, ZoneOffset.UTC), Duration.ofMinutes(5));
        for (int i = 0; i < count; i++) {
            List<EventPoint> points = new ArrayList<>();
            for (long m = 0; m < minutes; m++) {
                points.add(EventPoint.bad(end.minus(Duration.ofMinutes(minutes - m)), SloFleet.bad(i, m), SloFleet.total(i, m)));
            }
            store.push("slo-" + i, points);
        }
        long best = Long.MAX_VALUE;
        List<SloStatus> statuses = new ArrayList<>();
        for (int pass = 0; pass < 20; pass++) {
            statuses.clear();
            long t = System.nanoTime();
            for (SloDefinition slo : slos) {
                statuses.add(SloEvaluator.evaluate(slo, store.source(slo.name()), end));
            }
            best = Math.min(best, System.nanoTime() - t);
        }
        HttpClient http = HttpClient.newHttpClient();
        String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        double promSeconds = 0;
        int groups = 0;
        Matcher g = Pattern.compile("(?m)^prometheus_rule_group_last_duration_seconds\\{rule_group=\"[^\"]*tandem-slo-[^\"]*\"\\} ([0-9.e+-]+)$").matcher(metrics);
        while (g.find()) {
            promSeconds += Double.parseDouble(g.group(1));
            groups++;
        }
        int agree = 0;
        int checked = 0;
        Pattern value = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");
        for (int i = 0; i < count; i += Math.max(1, count / 50)) {
            String expr = "(sum(increase(slo_requests_total{slo=\"slo-" + i + "\",code=\"500\"}[1h])) or vector(0)) / (sum(increase(slo_requests_total{slo=\"slo-" + i + "\"}[1h])) > 0)";
            String body = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/query?time=" + end.getEpochSecond() + "&query="
                    + URLEncoder.encode(expr, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher v = value.matcher(body);
            BurnRate engine = statuses.get(i).burnRate(Duration.ofHours(1)).orElseThrow();
            double prom = v.find() ? Double.parseDouble(v.group(1)) / 0.001 : Double.NaN;
            checked++;
            if (engine.value().isPresent() && Math.abs(prom - engine.value().getAsDouble()) <= 0.01 * Math.max(1, engine.value().getAsDouble())) {
                agree++;
            }
        }
        System.out.printf("slos=%d days=%d tandem_evaluate_all_ms=%.1f prometheus_rule_groups=%d prometheus_last_eval_sum_ms=%.1f agree_1h=%d/%d%n",
                count, days, best / 1e6, groups, promSeconds * 1000, agree, checked);
    }
}
