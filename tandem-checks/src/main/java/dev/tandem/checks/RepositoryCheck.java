package dev.tandem.checks;

import dev.tandem.checks.repository.RepositoryFiles;

/**
 * A check over the files of a repository. One class per check; add it to the list a {@link RepositoryAnalyzer} is
 * built with. Like a {@link ManifestCheck}, it writes no findings when nothing it applies to exists.
 */
public interface RepositoryCheck {

    CheckDefinition definition();

    void check(RepositoryFiles repository, Findings findings);
}
