package dev.tandem.engagement;

import dev.tandem.shared.InvalidInputException;

import java.util.Locale;

/** When in the engagement an assessment was made: at most one START and one END, any number between. */
public enum AssessmentKind {
    START("start"),
    CHECKPOINT("checkpoint"),
    END("end");

    private final String label;

    AssessmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AssessmentKind parse(String field, String text) {
        if (text != null) {
            for (AssessmentKind k : values()) {
                if (k.name().equalsIgnoreCase(text.trim())) {
                    return k;
                }
            }
        }
        throw new InvalidInputException(field, "the kind is start, checkpoint or end");
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
