package dev.tandem.bench.slo;

import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pushing counts into the built-in store, in process: batches of 60 minute points (an hour, as an agent
 * would send them) for 1,000 SLOs in turn, each batch validated as a whole. The data keeps moving
 * forward, so the rings advance and old minutes fall into hour buckets, as in production. The score is
 * in data points per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SloIngestBenchmark {

    static final int SLOS = 1000;
    static final int BATCH = 60;

    EventStore store;
    String[] names;
    long hour;
    int next;
    Instant start = Instant.parse("2026-01-01T00:00:00Z");

    @Setup(Level.Iteration)
    public void setUp() {
        // The clock is far ahead so that no generated point is "in the future".
        store = new EventStore(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5));
        names = new String[SLOS];
        for (int i = 0; i < SLOS; i++) {
            names[i] = "slo-" + i;
        }
        hour = 0;
        next = 0;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int pushBatch() {
        int i = next++;
        if (next == SLOS) {
            next = 0;
            hour++;
        }
        Instant from = start.plus(Duration.ofHours(hour));
        List<EventPoint> batch = new ArrayList<>(BATCH);
        for (int m = 0; m < BATCH; m++) {
            long total = SloFleet.total(i, m);
            batch.add(EventPoint.good(from.plusSeconds(m * 60L), total - SloFleet.bad(i, m), total));
        }
        return store.push(names[i], batch);
    }
}
