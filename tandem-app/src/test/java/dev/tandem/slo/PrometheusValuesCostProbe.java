package dev.tandem.slo;

import dev.tandem.slo.internal.BucketCache;
import dev.tandem.slo.internal.PrometheusClient;
import dev.tandem.slo.internal.PrometheusValues;
import dev.tandem.slo.format.SloFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Not part of the suite (no *Test/*IT name): how long one evaluation of a 30-day threshold SLO takes against a
 * real Prometheus, without the bucket cache (every evaluation asks everything) and with it (the first
 * evaluation fills it; the figures are those of the 14 after it).
 */
class PrometheusValuesCostProbe {

    static final int RUNS = 15;

    @Test
    void measure(@TempDir Path dir) throws Exception {
        long end = Instant.now().getEpochSecond() / 60 * 60 - 60;
        int minutes = 29 * 1440;
        StringBuilder b = new StringBuilder("# TYPE lat gauge\n");
        for (int m = 0; m < minutes; m++) {
            b.append("lat{job=\"x\"} ").append(m % 97 == 0 ? "0.5" : "0.1").append(' ').append(end - (long) (minutes - m) * 60).append('\n');
        }
        long t0 = System.nanoTime();
        try (PrometheusServer p = PrometheusServer.backfilled(dir, b + "# EOF\n")) {
            System.out.println("backfill+start ms " + (System.nanoTime() - t0) / 1_000_000);
            PrometheusClient client = new PrometheusClient(Duration.ofSeconds(2), Duration.ofSeconds(10), 0, Duration.ofMillis(100));
            for (String method : new String[]{"Occurrences", "Timeslices"}) {
                String yaml = """
                        apiVersion: openslo/v1
                        kind: SLO
                        metadata:
                          name: lat
                        spec:
                          service: api
                          indicator:
                            metadata:
                              name: p99
                            spec:
                              thresholdMetric:
                                metricSource:
                                  type: Prometheus
                                  spec:
                                    query: lat{job="x"}
                          timeWindow:
                            - duration: 30d
                              isRolling: true
                          budgetingMethod: %s
                          objectives:
                            - op: lte
                              value: 0.3
                              target: 0.99
                        %s""".formatted(method, method.equals("Timeslices") ? "      timeSliceTarget: 0.9\n      timeSliceWindow: 5m\n" : "");
                SloDefinition slo = SloFiles.read(yaml).slos().get(0);
                run(method + " without cache", client, p.url(), slo, null);
                run(method + " with cache", client, p.url(), slo, new BucketCache(Duration.ofHours(1), 1_000_000, Clock.systemUTC()));
            }
        }
    }

    private static void run(String what, PrometheusClient client, String url, SloDefinition slo, BucketCache cache) {
        int skip = cache == null ? 0 : 1; // the first evaluation with a cache fills it
        long[] fetch = new long[RUNS - skip];
        long[] eval = new long[RUNS - skip];
        long requests = 0;
        SloStatus s = null;
        for (int i = 0; i < RUNS; i++) {
            Instant now = Instant.now();
            long before = client.requests();
            long a = System.nanoTime();
            PrometheusValues v = PrometheusValues.of(client, url, slo, now, now, cache);
            long c = System.nanoTime();
            s = v.evaluate(slo, now);
            long d = System.nanoTime();
            if (i >= skip) {
                fetch[i - skip] = (c - a) / 1000;
                eval[i - skip] = (d - c) / 1000;
                requests += client.requests() - before;
            }
        }
        Arrays.sort(fetch);
        Arrays.sort(eval);
        int n = fetch.length;
        System.out.println(what + ": queries per evaluation " + (double) requests / n + "; fetch us median " + fetch[n / 2]
                + " min " + fetch[0] + " max " + fetch[n - 1] + "; evaluate us median " + eval[n / 2]
                + "; sli " + s.sli() + " budget " + s.errorBudget());
    }
}
