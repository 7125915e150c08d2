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

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The same SLOs and minute data in Tandem's engine and, as generated rules, in a Prometheus server, in
 * three steps that {@code bench/scripts/slo-side-by-side.sh} runs with the server started after the first
 * and stopped after the second, so neither side's timing shares the cores with the other:
 * <pre>
 * java -cp tandem-bench.jar dev.tandem.bench.slo.SloSideBySide write      DIR SLOS DAYS END_EPOCH_MINUTE
 * java -cp tandem-bench.jar dev.tandem.bench.slo.SloSideBySide prometheus DIR SLOS DAYS END_EPOCH_MINUTE URL INTERVAL_SECONDS
 * java -cp tandem-bench.jar dev.tandem.bench.slo.SloSideBySide ratios     DIR SLOS DAYS END_EPOCH_MINUTE URL
 * java -cp tandem-bench.jar dev.tandem.bench.slo.SloSideBySide tandem     DIR SLOS DAYS END_EPOCH_MINUTE
 * </pre>
 * {@code write}: the rules files ({@link PrometheusRules}, unchanged; one per 1,000 SLOs) and the data as TSDB blocks in
 * {@code DIR/data} ({@link SloBlocks}). {@code prometheus}: waits until every SLO's group has been evaluated,
 * measures one evaluation interval and keeps the figures in {@code DIR/prometheus.properties}
 * ({@link PrometheusSide}); {@code ratios}, once the script has reloaded Prometheus without its rules, adds
 * the sampled SLOs' ratios. {@code tandem}: loads the same minutes into an {@link EventStore}, times the
 * evaluation of every SLO and prints both sides and whether the sampled numbers agree.
 */
public final class SloSideBySide {

    static final int SAMPLES = 50;

    public static void main(String[] args) throws Exception {
        String step = args[0];
        Path dir = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        int days = Integer.parseInt(args[3]);
        long endMinute = Long.parseLong(args[4]);
        switch (step) {
            case "write" -> write(dir, count, days, endMinute);
            case "prometheus" -> store(dir, new PrometheusSide(args[5], count, days, Instant.ofEpochSecond(endMinute * 60)).measure(Integer.parseInt(args[6])));
            case "ratios" -> {
                Properties p = load(dir);
                new PrometheusSide(args[5], count, days, Instant.ofEpochSecond(endMinute * 60)).ratios(p);
                store(dir, p);
            }
            case "tandem" -> tandem(dir, count, days, endMinute);
            default -> throw new IllegalArgumentException("unknown step " + step + ": write, prometheus or tandem");
        }
    }

    private static Properties load(Path dir) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("prometheus.properties"))) {
            p.load(r);
        }
        return p;
    }

    private static void store(Path dir, Properties p) throws Exception {
        try (Writer w = Files.newBufferedWriter(dir.resolve("prometheus.properties"))) {
            p.store(w, "Prometheus side of the SLO side by side");
        }
    }

    static List<SloDefinition> slos(int count) {
        List<SloDefinition> slos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String sel = SloBlocks.METRIC + "{slo=\"slo-" + i + "\"";
            slos.add(SloDefinition.of("slo-" + i, "service-" + (i / 2), Indicator.of("requests-" + i,
                    IndicatorMetric.Ratio.badOverTotal(MetricSource.prometheus(sel + ",code=\"500\"}"), MetricSource.prometheus(sel + "}"))),
                    0.999, SloDuration.parse("30d")));
        }
        return slos;
    }

    /** The SLOs whose numbers are compared: every (count ÷ 50)th. */
    static List<Integer> sampled(int count) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < count; i += Math.max(1, count / SAMPLES)) {
            ids.add(i);
        }
        return ids;
    }

    private static void write(Path dir, int count, int days, long endMinute) throws Exception {
        // One rules file per 1,000 SLOs: the same generated groups, without holding 10,000 of them as one YAML text.
        List<SloDefinition> slos = slos(count);
        for (int from = 0; from < count; from += 1000) {
            Files.writeString(dir.resolve(String.format("rules-%05d.yaml", from)), PrometheusRules.generate(slos.subList(from, Math.min(count, from + 1000))));
        }
        long t = System.nanoTime();
        long samples = SloBlocks.write(Files.createDirectories(dir.resolve("data")), count, days, endMinute);
        System.out.printf("wrote %s/rules-*.yaml and %,d samples as blocks in %s/data in %.1f s%n", dir, samples, dir, (System.nanoTime() - t) / 1e9);
    }

    private static void tandem(Path dir, int count, int days, long endMinute) throws Exception {
        Properties prom = load(dir);
        long minutes = days * 1440L;
        Instant end = Instant.ofEpochSecond(endMinute * 60);
        List<SloDefinition> slos = slos(count);
        long load = System.nanoTime();
        EventStore store = new EventStore(Clock.fixed(end, ZoneOffset.UTC), Duration.ofMinutes(5));
        List<EventPoint> points = new ArrayList<>(1440);
        for (int i = 0; i < count; i++) {
            for (long m = 0; m < minutes; m++) {
                points.add(EventPoint.bad(end.minus(Duration.ofMinutes(minutes - m)), SloFleet.bad(i, m), SloFleet.total(i, m)));
                if (points.size() == 1440 || m == minutes - 1) {
                    store.push("slo-" + i, points);
                    points.clear();
                }
            }
        }
        double loadSeconds = (System.nanoTime() - load) / 1e9;
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
        int hourAgree = 0;
        int periodAgree = 0;
        int edgeAgree = 0;
        double periodMaxDiff = 0;
        int checked = 0;
        for (int i : sampled(count)) {
            checked++;
            SloStatus s = statuses.get(i);
            BurnRate hour = s.burnRate(Duration.ofHours(1)).orElseThrow();
            if (hour.value().isPresent() && close(number(prom, "ratio.1h." + i) / 0.001, hour.value().getAsDouble())) {
                hourAgree++;
            }
            double period = number(prom, "ratio.period." + i);
            double edge = number(prom, "ratio.periodHourEdge." + i);
            double tandem = s.counts().errorRatio();
            periodAgree += close(period, tandem) ? 1 : 0;
            periodMaxDiff = Math.max(periodMaxDiff, Math.abs(period - tandem) / Math.max(Math.abs(period), 1e-300));
            edgeAgree += close(edge, tandem) && close(1 - edge / 0.001, s.errorBudget().remaining()) ? 1 : 0;
        }
        System.out.printf("slos=%d days=%d tandem_load_s=%.1f tandem_evaluate_all_ms=%.1f prometheus_rule_groups=%s prometheus_last_eval_sum_ms=%s "
                        + "prometheus_cpu_per_round_s=%s prometheus_missed_iterations=%s prometheus_rule_failures=%s agree_1h=%d/%d "
                        + "agree_period_30d=%d/%d (largest relative difference %.2g; Tandem leaves out the oldest %d minutes) "
                        + "agree_period_and_remaining_over_tandems_span=%d/%d%n",
                count, days, loadSeconds, best / 1e6, prom.getProperty("groups"), prom.getProperty("lastEvalSumMs"),
                prom.getProperty("cpuPerRoundSeconds"), prom.getProperty("missedIterations"), prom.getProperty("ruleFailures"),
                hourAgree, checked, periodAgree, checked, periodMaxDiff, minutesTandemLeavesOut(endMinute, days), edgeAgree, checked);
    }

    /**
     * Tandem's store answers spans older than its minute horizon (3 d + 2 h) from hour buckets and counts
     * the ragged oldest hour of a 30-day window whole when the window covers half of it or more, else not
     * at all ({@code Series.partial}). With data that starts exactly 30 days before the end, counting it
     * whole adds nothing; leaving it out drops the window's first {@code 60 − r} minutes, r being the end's
     * minute past the hour.
     */
    static long minutesTandemLeavesOut(long endMinute, int days) {
        long r = Math.floorMod(endMinute, 60);
        return days >= 30 && r > 30 ? 60 - r : 0;
    }

    private static double number(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key, "NaN"));
    }

    /**
     * Both sides count whole events, so the ratios are the same quotient of the same integers, up to
     * floating point: equal within 1e-9, relative (a missing Prometheus answer, NaN, never agrees).
     */
    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-15;
    }
}
