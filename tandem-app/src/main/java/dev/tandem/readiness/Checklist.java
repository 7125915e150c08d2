package dev.tandem.readiness;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a named checklist. Versions are immutable: editing a checklist imports a new version,
 * and every review keeps the version it was started with.
 */
public record Checklist(String name, int version, String title, String description, List<Category> categories,
                        List<ChecklistItem> items, Instant createdAt, String createdBy) {

    /** A category groups items within a phase (security, observability, …) in the order given here. */
    public record Category(String id, String title) {
    }

    public Optional<ChecklistItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public String categoryTitle(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).map(Category::title).findFirst().orElse(id);
    }

    public List<ChecklistItem> items(Phase phase) {
        return items.stream().filter(i -> i.phase() == phase).toList();
    }
}
