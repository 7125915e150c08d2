package dev.tandem.catalog;

import java.util.Locale;

/** What a person does in the organisation (not what they may do in Tandem: that is their account's role). */
public enum PersonRole {
    SRE, ENGINEER, MANAGER;

    public static PersonRole parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String label() {
        return this == SRE ? "SRE" : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
