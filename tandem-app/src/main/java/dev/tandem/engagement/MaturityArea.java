package dev.tandem.engagement;

import java.util.Locale;

/**
 * The areas of the maturity matrix an engagement assesses at its start and end (SRE workbook, "SRE
 * Engagement Model"); each is scored 1 to 5.
 */
public enum MaturityArea {
    OBSERVABILITY("Observability"),
    SLOS_AND_ALERTING("SLOs and alerting"),
    INCIDENT_RESPONSE("Incident response"),
    ONCALL_HEALTH("On-call health"),
    CAPACITY_PLANNING("Capacity planning"),
    CHANGE_MANAGEMENT("Change management"),
    DATA_AND_RECOVERY("Data storage and recovery");

    private final String label;

    MaturityArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MaturityArea fromKey(String key) {
        if (key == null) {
            return null;
        }
        for (MaturityArea a : values()) {
            if (a.key().equals(key.trim()) || a.name().equalsIgnoreCase(key.trim())) {
                return a;
            }
        }
        return null;
    }
}
