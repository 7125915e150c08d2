package dev.tandem.checks.repository;

/** Placeholder, filled in by the repository checks. */
public final class RepositoryFiles {
}
