package dev.tandem.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic multi-document catalog-info.yaml for a large organisation.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output file (use - for stdout).")
    String out;

    @Option(names = "--teams", defaultValue = "500", description = "Groups of type team (default: ${DEFAULT-VALUE}).")
    int teams;

    @Option(names = "--people", defaultValue = "2000", description = "Users (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--systems", defaultValue = "50", description = "Systems (default: ${DEFAULT-VALUE}).")
    int systems;

    @Option(names = "--services", defaultValue = "10000", description = "Components of type service (default: ${DEFAULT-VALUE}).")
    int services;

    @Option(names = "--resources", defaultValue = "500", description = "Resources (default: ${DEFAULT-VALUE}).")
    int resources;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        var params = new OrganisationGenerator.Params(teams, people, systems, services, resources, seed);
        Organisation org = new OrganisationGenerator(params).generate();
        long modelDone = System.nanoTime();

        boolean toStdout = "-".equals(out);
        long documents;
        try (Writer writer = toStdout
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
            CatalogYamlWriter yaml = new CatalogYamlWriter(writer);
            yaml.writeAll(org);
            documents = yaml.documents();
        }
        long end = System.nanoTime();

        if (!toStdout) {
            long edges = org.services().stream()
                    .mapToLong(s -> s.dependsOnServices().size() + s.dependsOnResources().size()).sum();
            System.out.printf("file=%s%n", out);
            System.out.printf("documents=%d teams=%d people=%d systems=%d resources=%d services=%d dependsOn=%d%n",
                    documents, org.teams().size(), org.people().size(), org.systems().size(),
                    org.resources().size(), org.services().size(), edges);
            System.out.printf("bytes=%d%n", Files.size(Path.of(out)));
            System.out.printf("model_ms=%d write_ms=%d generate_ms=%d%n",
                    (modelDone - start) / 1_000_000, (end - modelDone) / 1_000_000, (end - start) / 1_000_000);
        }
        return 0;
    }
}
