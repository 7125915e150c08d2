package dev.tandem.catalog;

import java.util.List;

/** A row of the service list. */
public record ServiceSummary(String name, String title, String description, String owner, String system,
                             ReadinessLevel readinessLevel, String lifecycle, Integer tier, List<String> tags,
                             java.time.Instant updatedAt) {

    public String label() {
        return title == null || title.isBlank() ? name : title;
    }
}
