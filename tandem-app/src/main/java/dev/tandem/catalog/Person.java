package dev.tandem.catalog;

import java.time.Instant;
import java.util.List;

public record Person(long id, String name, String displayName, String email, PersonRole role, List<String> teams,
                     Instant createdAt, Instant updatedAt, int version) {

    public String label() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}
