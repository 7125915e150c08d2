package dev.tandem.catalog;

import java.time.Instant;

/** A system: an optional grouping of services (named so that it never shadows {@code java.lang.System}). */
public record CatalogSystem(long id, String name, String title, String description, String owner, String domain,
                            long serviceCount, Instant createdAt, Instant updatedAt, int version) {

    public String label() {
        return title == null || title.isBlank() ? name : title;
    }
}
