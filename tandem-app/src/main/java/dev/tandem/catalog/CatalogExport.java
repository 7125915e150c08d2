package dev.tandem.catalog;

import dev.tandem.catalog.backstage.DescriptorWriter;
import dev.tandem.catalog.internal.CatalogStateReader;
import dev.tandem.catalog.internal.StateDescriptors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the whole catalog as Backstage descriptors that {@link CatalogImport} reads back unchanged:
 * exporting and re-importing is a no-op.
 */
@Component
public class CatalogExport {

    private final CatalogStateReader reader;

    CatalogExport(CatalogStateReader reader) {
        this.reader = reader;
    }

    @Transactional(readOnly = true)
    public String export() {
        return new DescriptorWriter().write(StateDescriptors.of(reader.load()));
    }
}
