package dev.tandem.checks;

import dev.tandem.checks.manifest.ManifestSet;

/**
 * A check over the Kubernetes objects of one analysis. One class per check; add it to the list a
 * {@link ManifestAnalyzer} is built with. A check writes a finding for every object it applies to (passing or not)
 * and none for objects it does not apply to, so "no findings" reads as not applicable.
 */
public interface ManifestCheck {

    CheckDefinition definition();

    void check(ManifestSet manifests, Findings findings);
}
