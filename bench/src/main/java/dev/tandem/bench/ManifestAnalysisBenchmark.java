package dev.tandem.bench;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.ManifestAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.util.concurrent.TimeUnit;

/**
 * {@code tandem check} on manifests: objects per second on one thread, for the full analysis (read, every
 * manifest check, findings) against SnakeYAML parsing the same text alone — to Java maps ({@code loadAll}, what a
 * typical tool does), to nodes ({@code composeAll}), and to parser events only (the floor: the analyzer builds
 * its own tree from these events). Targets: at least 20,000 objects/s, and the analysis at most twice the cost
 * of parsing.
 *
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -cp bench/target/tandem-bench.jar org.openjdk.jmh.Main ManifestAnalysisBenchmark -wi 3 -i 5 -f 1
 * </pre>
 * Scores are runs over the whole text per second; multiply by {@code objects} for objects per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ManifestAnalysisBenchmark {

    @Param({"1000", "10000"})
    int objects;

    String yaml;
    ManifestAnalyzer analyzer;

    @Setup(Level.Trial)
    public void generate() {
        yaml = KubernetesManifests.generate(objects, 42);
        analyzer = new ManifestAnalyzer();
        Analysis check = analyzer.analyze("bench.yaml", yaml);
        if (check.objectsAnalysed() != objects) {
            throw new IllegalStateException("generated " + check.objectsAnalysed() + " objects, wanted " + objects);
        }
    }

    @Benchmark
    public void parseToMaps(Blackhole bh) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        for (Object document : new Yaml(options).loadAll(new StringReader(yaml))) {
            bh.consume(document);
        }
    }

    @Benchmark
    public void parseToNodes(Blackhole bh) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        for (Node node : new Yaml(options).composeAll(new StringReader(yaml))) {
            bh.consume(node);
        }
    }

    /** The floor under every reading: SnakeYAML's parser events alone, with no tree, maps or typing. */
    @Benchmark
    public void parseToEvents(Blackhole bh) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        for (Event event : new Yaml(options).parse(new StringReader(yaml))) {
            bh.consume(event);
        }
    }

    @Benchmark
    public Analysis analyze() {
        Analysis analysis = analyzer.analyze("bench.yaml", yaml);
        analysis.results();
        return analysis;
    }
}
