package dev.tandem.readiness;

import java.util.Locale;

/** What a checklist item or a check asks of a service at its readiness level. */
public enum Requirement {
    REQUIRED("required"),
    RECOMMENDED("recommended"),
    NOT_APPLICABLE("not-applicable");

    private final String id;

    Requirement(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Requirement parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Requirement r : values()) {
            if (r.id.equals(t)) {
                return r;
            }
        }
        return null;
    }
}
