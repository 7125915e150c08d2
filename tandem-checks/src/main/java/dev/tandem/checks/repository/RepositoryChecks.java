package dev.tandem.checks.repository;

import dev.tandem.checks.RepositoryCheck;

import java.util.List;

/** The built-in repository checks, in report order. */
public final class RepositoryChecks {

    private static final List<RepositoryCheck> BUILT_IN = List.of();

    private RepositoryChecks() {
    }

    public static List<RepositoryCheck> builtIn() {
        return BUILT_IN;
    }
}
