package dev.tandem.slo;

import dev.tandem.slo.internal.BuiltInStore;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite (no *Test/*IT name): the server's evaluation of N built-in-store SLOs through
 * {@link SloMonitor} (the scheduled {@code evaluateAll} and one SLO's {@code status}), with its database
 * reads and writes, next to the plain engine over the same SLOs. H2 by default; PostgreSQL with
 * {@code -Dtandem.it.database=postgres}. N is {@code -Dslos=} (1,000 by default), minutes pushed per SLO
 * {@code -Dminutes=} (360).
 */
@IntegrationTest
@TestPropertySource(properties = "tandem.slo.evaluate-delay=PT24H")
class SloMonitorCostProbe {

    static final int SLOS = Integer.getInteger("slos", 1000);
    static final int MINUTES = Integer.getInteger("minutes", 360);
    static final int RUNS = 7;

    @LocalServerPort
    int port;

    @Autowired
    SloMonitor monitor;

    @Autowired
    Slos slos;

    @Autowired
    BuiltInStore store;

    @Test
    void measure() {
        SloFixture f = new SloFixture(port);
        String service = f.service("bench", "B");
        long t0 = System.nanoTime();
        for (int from = 0; from < SLOS; from += 200) {
            StringBuilder yaml = new StringBuilder();
            for (int i = from; i < Math.min(SLOS, from + 200); i++) {
                yaml.append(yaml.isEmpty() ? "" : "---\n").append(SloFixture.builtIn(name(f, i), service, "0.999", "bench-owner"));
            }
            status(f.member().postYaml("/api/v1/slos/import", yaml.toString()), 200);
        }
        long imported = System.nanoTime();
        long now = Instant.now().getEpochSecond() / 60 * 60;
        List<Slo> mine = slos.all().stream().filter(s -> s.service().equals(service)).toList();
        assertThat(mine).hasSize(SLOS);
        for (int i = 0; i < mine.size(); i++) {
            Slo slo = mine.get(i);
            List<EventPoint> points = new ArrayList<>(MINUTES);
            for (int m = MINUTES - 1; m >= 0; m--) {
                long bad = (m + i) % 97 == 0 ? 40 : i % 5; // error rates differ per SLO; one minute in 97 is a burst
                points.add(EventPoint.bad(Instant.ofEpochSecond(now - m * 60L), bad, 1000));
            }
            store.push(slo.id(), slo.name(), points);
        }
        long pushed = System.nanoTime();
        System.out.printf("setup: %d SLOs imported in %d ms, %d minutes each pushed in %d ms%n", SLOS,
                (imported - t0) / 1_000_000, MINUTES, (pushed - imported) / 1_000_000);

        for (int i = 0; i < 2; i++) {
            monitor.evaluateAll(); // warm-up; the first run also inserts every SLO's state row
        }
        report("evaluateAll (every SLO: read, policy, engine, state row)", RUNS, () -> {
            long a = System.nanoTime();
            monitor.evaluateAll();
            return System.nanoTime() - a;
        });
        report("  of which Slos.all() (read and parse every SLO)", RUNS, () -> {
            long a = System.nanoTime();
            slos.all();
            return System.nanoTime() - a;
        });
        report("  of which the policy per SLO (service read)", RUNS, () -> {
            long a = System.nanoTime();
            for (Slo s : mine) {
                monitor.policyFor(s);
            }
            return System.nanoTime() - a;
        });
        report("  of which the engine alone (SloEvaluator over the store)", RUNS, () -> {
            Instant at = Instant.now();
            long a = System.nanoTime();
            for (Slo s : mine) {
                SloEvaluator.evaluate(s.definition(), store.source(s.name()), at);
            }
            return System.nanoTime() - a;
        });
        int[] next = {0};
        report("status(name) of one SLO (read, policy, engine, state row), 200 SLOs in turn", 200, () -> {
            String name = mine.get(next[0]++ % mine.size()).name();
            long a = System.nanoTime();
            monitor.status(name);
            return System.nanoTime() - a;
        });
    }

    private static String name(SloFixture f, int i) {
        return "bench-" + f.run + "-" + i;
    }

    private static void report(String what, int runs, LongSupplier run) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            nanos[i] = run.getAsLong();
        }
        Arrays.sort(nanos);
        System.out.printf("%s: median %.2f ms, min %.2f, max %.2f (%d runs, N = %d)%n", what, nanos[runs / 2] / 1e6,
                nanos[0] / 1e6, nanos[runs - 1] / 1e6, runs, SLOS);
    }
}
