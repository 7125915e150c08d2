package dev.tandem.survey;

import dev.tandem.shared.InvalidInputException;

import java.util.Locale;

/** When in an engagement a survey goes out: every month, at the exit, or at a moment the sender names. */
public enum Milestone {
    MONTHLY("monthly"), EXIT("exit"), CUSTOM("custom");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Milestone parse(String text) {
        if (text != null) {
            String normal = text.trim().toUpperCase(Locale.ROOT);
            for (Milestone m : values()) {
                if (m.name().equals(normal)) {
                    return m;
                }
            }
        }
        throw new InvalidInputException("milestone", "unknown milestone '" + text + "'; use monthly, exit or custom");
    }
}
