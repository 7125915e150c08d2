package dev.tandem.catalog;

import org.springframework.stereotype.Component;

/** The demo organisation: a few teams, people and a dozen services, loaded through the import. */
@Component
public class DemoCatalog {

    /** True while the catalog is empty, the only time the demo may be loaded. */
    public boolean available() {
        throw new UnsupportedOperationException("not written yet");
    }

    public ImportSummary load() {
        throw new UnsupportedOperationException("not written yet");
    }
}
