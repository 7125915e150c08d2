package dev.tandem.checks.repository;

import dev.tandem.checks.RepositoryCheck;

import java.util.List;

/** The built-in repository checks, in report order. */
public final class RepositoryChecks {

    private static final List<RepositoryCheck> BUILT_IN = List.of(
            new DockerfileChecks.NonRoot(),
            new DockerfileChecks.PinnedBase(),
            new DockerfileChecks.Dockerignore(),
            new ProjectChecks.DependencyUpdates(),
            new ProjectChecks.Codeowners(),
            new ProjectChecks.Runbook(),
            new ProjectChecks.Ci());

    private RepositoryChecks() {
    }

    /** One instance of each built-in check; they are stateless and may be shared. */
    public static List<RepositoryCheck> builtIn() {
        return BUILT_IN;
    }
}
