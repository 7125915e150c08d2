package dev.tandem.engagement;

import dev.tandem.shared.InvalidInputException;

import java.util.Locale;

/** How well a team already knows SRE: teams that do are the safer first picks. */
public enum Relationship {
    NONE("none"), OCCASIONAL("occasional"), ESTABLISHED("established");

    private final String label;

    Relationship(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Relationship parse(String field, String text) {
        if (text != null) {
            for (Relationship r : values()) {
                if (r.name().equalsIgnoreCase(text.trim()) || r.label.equalsIgnoreCase(text.trim())) {
                    return r;
                }
            }
        }
        throw new InvalidInputException(field, "unknown relationship '" + text + "'; use none, occasional or established");
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
