package dev.tandem.checks;

import dev.tandem.checks.repository.RepositoryChecks;
import dev.tandem.checks.repository.RepositoryFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs repository checks over a directory. Immutable and thread-safe. */
public final class RepositoryAnalyzer {

    private final List<RepositoryCheck> checks;

    /** An analyzer with every built-in repository check. */
    public RepositoryAnalyzer() {
        this(RepositoryChecks.builtIn());
    }

    public RepositoryAnalyzer(List<RepositoryCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<RepositoryCheck> checks() {
        return checks;
    }

    /**
     * @throws IllegalArgumentException when {@code repoDir} is not a directory
     * @throws UncheckedIOException     when it cannot be read
     */
    public Analysis analyze(Path repoDir) {
        return analyze(repoDir, Exemptions.none());
    }

    /**
     * @throws IllegalArgumentException when {@code repoDir} is not a directory
     * @throws UncheckedIOException     when it cannot be read
     */
    public Analysis analyze(Path repoDir, Exemptions exemptions) {
        if (!Files.isDirectory(repoDir)) {
            throw new IllegalArgumentException(repoDir + ": not a directory");
        }
        RepositoryFiles files;
        try {
            files = RepositoryFiles.scan(repoDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + repoDir, e);
        }
        return analyze(files, exemptions);
    }

    /** Runs the checks over a listing already made. */
    public Analysis analyze(RepositoryFiles files, Exemptions exemptions) {
        List<Finding> findings = new ArrayList<>();
        List<CheckDefinition> definitions = new ArrayList<>();
        for (RepositoryCheck check : checks) {
            Findings out = new Findings(check.definition().id(), exemptions);
            check.check(files, out);
            findings.addAll(out.list());
            definitions.add(check.definition());
        }
        return new Analysis(definitions, findings, 0, files.filesRead());
    }
}
