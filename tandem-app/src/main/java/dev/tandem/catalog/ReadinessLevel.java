package dev.tandem.catalog;

import java.util.Locale;

/** Production readiness level, tied to the SLO a service promises. B is the suggested start. */
public enum ReadinessLevel {
    A("critical", "SLO above 99.9 %"),
    B("standard", "SLO from 99 % to 99.9 %"),
    C("experimental", "SLO from 95 % to 99 %");

    private final String label;
    private final String slo;

    ReadinessLevel(String label, String slo) {
        this.label = label;
        this.slo = slo;
    }

    public String label() {
        return label;
    }

    public String slo() {
        return slo;
    }

    public static ReadinessLevel parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
