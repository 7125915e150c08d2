package dev.tandem.readiness;

import java.util.Locale;

/** When a checklist item is answered: before development starts, or before the service takes traffic. */
public enum Phase {
    DESIGN("design", "Design"),
    PRE_PRODUCTION("pre-production", "Pre-production");

    private final String id;
    private final String title;

    Phase(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Phase parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Phase p : values()) {
            if (p.id.equals(t) || p.name().equalsIgnoreCase(t)) {
                return p;
            }
        }
        return null;
    }
}
