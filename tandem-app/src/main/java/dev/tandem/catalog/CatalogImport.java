package dev.tandem.catalog;

import org.springframework.stereotype.Component;

/**
 * Imports Backstage descriptors (a multi-document {@code catalog-info.yaml}) all-or-nothing.
 */
@Component
public class CatalogImport {

    public ImportSummary run(String yaml, boolean dryRun) {
        throw new UnsupportedOperationException("not written yet");
    }
}
