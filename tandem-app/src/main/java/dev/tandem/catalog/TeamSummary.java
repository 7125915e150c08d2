package dev.tandem.catalog;

/** A row of the team list. */
public record TeamSummary(String name, String displayName, String description, String chatChannel,
                          long memberCount, long serviceCount) {

    public String label() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}
