package dev.tandem.catalog;

import java.time.Instant;
import java.util.List;

public record Team(long id, String name, String displayName, String description, String chatChannel, String email,
                   String type, String parent, List<Membership> members, Instant createdAt, Instant updatedAt,
                   int version) {

    public String label() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}
