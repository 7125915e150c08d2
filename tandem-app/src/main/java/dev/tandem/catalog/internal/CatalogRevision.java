package dev.tandem.catalog.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's revision: a number raised, in the same transaction, by every change to what a service list
 * shows. Services, systems and imports call {@link #raise()}; {@link ServiceSummaryCache} compares it.
 */
@Component
public class CatalogRevision {

    private final JdbcClient jdbc;

    CatalogRevision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.sql("select revision from catalog_revision where id = 1").query(Long.class).single();
    }

    /** Call inside the transaction of the change; readers see the new revision together with the change. */
    public void raise() {
        jdbc.sql("update catalog_revision set revision = revision + 1 where id = 1").update();
    }
}
