package dev.tandem.slo;

import dev.tandem.slo.internal.PrometheusClient;
import dev.tandem.slo.internal.PrometheusValues;
import dev.tandem.slo.format.SloFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** Not part of the suite (no *Test/*IT name): how long one evaluation of a 30-day threshold SLO takes against a real Prometheus. */
class PrometheusValuesCostProbe {

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
                long[] fetch = new long[15];
                long[] eval = new long[15];
                SloStatus s = null;
                for (int i = 0; i < fetch.length; i++) {
                    Instant now = Instant.now();
                    long a = System.nanoTime();
                    PrometheusValues v = PrometheusValues.of(client, p.url(), slo, now, now);
                    long c = System.nanoTime();
                    s = v.evaluate(slo, now);
                    long d = System.nanoTime();
                    fetch[i] = (c - a) / 1000;
                    eval[i] = (d - c) / 1000;
                }
                Arrays.sort(fetch);
                Arrays.sort(eval);
                System.out.println(method + " fetch us median " + fetch[7] + " min " + fetch[0] + " max " + fetch[14]
                        + "; evaluate us median " + eval[7] + " min " + eval[0] + " max " + eval[14]
                        + "; sli " + s.sli() + " budget " + s.errorBudget());
            }
        }
    }
}
