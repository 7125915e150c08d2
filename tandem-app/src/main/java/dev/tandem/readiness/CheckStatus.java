package dev.tandem.readiness;

import java.util.Locale;

/**
 * The state of one check for one service. EXEMPT and NOT_APPLICABLE count as passing; NO_DATA means no
 * fresh fact answers the check, which never counts as passing.
 */
public enum CheckStatus {
    PASS, FAIL, EXEMPT, NOT_APPLICABLE, NO_DATA;

    public boolean passing() {
        return this == PASS || this == EXEMPT || this == NOT_APPLICABLE;
    }

    public String label() {
        return switch (this) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case EXEMPT -> "exempt";
            case NOT_APPLICABLE -> "not applicable";
            case NO_DATA -> "no data";
        };
    }

    /** Parses an outcome a fact may carry: pass, fail, exempt or not-applicable (NO_DATA is never stored). */
    public static CheckStatus parseOutcome(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (t.equals("PASSED") || t.equals("OK") || t.equals("TRUE")) {
            return PASS;
        }
        if (t.equals("FAILED") || t.equals("FALSE")) {
            return FAIL;
        }
        for (CheckStatus s : values()) {
            if (s != NO_DATA && s.name().equals(t)) {
                return s;
            }
        }
        return null;
    }
}
