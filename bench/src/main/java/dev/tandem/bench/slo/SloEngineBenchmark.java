package dev.tandem.bench.slo;

import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloEvaluator;
import dev.tandem.slo.SloStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Evaluating every SLO of a 10,000-SLO fleet with 30 days of minute data in the built-in store: the
 * budget over the window and the burn rate of every alert window (5m, 30m, 1h, 2h, 6h, 1d, 3d), with
 * the four default alerts. One operation is the whole fleet, on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SloEngineBenchmark {

    SloFleet fleet;

    @Setup(Level.Trial)
    public void load() {
        fleet = SloFleet.minuteData(Integer.getInteger("tandem.bench.slos", 10_000), SloFleet.DAYS);
    }

    @Benchmark
    public void evaluateAll(Blackhole bh) {
        for (SloDefinition slo : fleet.slos) {
            SloStatus status = SloEvaluator.evaluate(slo, fleet.store.source(slo.name()), SloFleet.NOW);
            bh.consume(status);
        }
    }
}
