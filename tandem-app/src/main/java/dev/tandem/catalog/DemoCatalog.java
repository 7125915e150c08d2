package dev.tandem.catalog;

import dev.tandem.accounts.AccessPolicy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo organisation: a few teams, people and a dozen services with dependencies, loaded through
 * the ordinary import so that it exercises the same path as a real catalog.
 */
@Component
public class DemoCatalog {

    private final JdbcClient jdbc;
    private final CatalogImport importer;
    private final AccessPolicy policy;
    private final org.springframework.context.ApplicationEventPublisher events;

    DemoCatalog(JdbcClient jdbc, CatalogImport importer, AccessPolicy policy,
                org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.policy = policy;
        this.events = events;
    }

    /** The demo organisation was loaded; other capabilities add their part of the demo (engagements). */
    public record Loaded() {
    }

    /** True while the catalog holds no team and no service, the only time the demo may be loaded. */
    public boolean available() {
        return jdbc.sql("select (select count(*) from teams) + (select count(*) from services)").query(Long.class).single() == 0;
    }

    @Transactional
    public ImportSummary load() {
        policy.requireAdmin();
        if (!available()) {
            throw new dev.tandem.shared.ConflictException("the demo organisation can only be loaded into an empty catalog");
        }
        ImportSummary summary = importer.run(text(), false);
        events.publishEvent(new Loaded());
        return summary;
    }

    static String text() {
        try (var in = new ClassPathResource("demo/catalog-info.yaml").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
