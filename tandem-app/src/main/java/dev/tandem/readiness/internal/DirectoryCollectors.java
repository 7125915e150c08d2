package dev.tandem.readiness.internal;

import dev.tandem.catalog.Service;
import dev.tandem.checks.InvalidManifestException;
import dev.tandem.checks.ManifestAnalyzer;
import dev.tandem.checks.RepositoryAnalyzer;
import dev.tandem.readiness.Fact;
import dev.tandem.readiness.FactCollector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The collectors that read directories: Kubernetes manifests under
 * {@code tandem.readiness.manifests-root/<service>/} and repository contents under
 * {@code tandem.readiness.repositories-root/<service>/}. A service without such a directory gets no
 * facts from them; a malformed manifest fails the run with the file and line, and earlier facts stay.
 */
@Configuration
class DirectoryCollectors {

    @Bean
    FactCollector kubernetesCollector(@Value("${tandem.readiness.manifests-root:}") String root) {
        ManifestAnalyzer analyzer = new ManifestAnalyzer();
        return new Collector("kubernetes", root, dir -> {
            try {
                return AnalysisFacts.of(analyzer.analyze(List.of(dir)), "kubernetes", Instant.now());
            } catch (InvalidManifestException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Bean
    FactCollector repositoryCollector(@Value("${tandem.readiness.repositories-root:}") String root) {
        RepositoryAnalyzer analyzer = new RepositoryAnalyzer();
        return new Collector("repository", root,
                dir -> AnalysisFacts.of(analyzer.analyze(dir), "repository", Instant.now()));
    }

    interface DirectoryAnalysis {
        List<Fact> analyze(Path dir);
    }

    static final class Collector implements FactCollector {
        private final String source;
        private final Path root;
        private final DirectoryAnalysis analysis;

        Collector(String source, String root, DirectoryAnalysis analysis) {
            this.source = source;
            this.root = root == null || root.isBlank() ? null : Path.of(root).toAbsolutePath().normalize();
            this.analysis = analysis;
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public List<Fact> collect(Service service) {
            if (root == null) {
                return List.of();
            }
            Path dir = root.resolve(service.name()).normalize();
            if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
                return List.of();
            }
            return analysis.analyze(dir);
        }
    }
}
