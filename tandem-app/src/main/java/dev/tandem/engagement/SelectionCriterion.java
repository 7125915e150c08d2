package dev.tandem.engagement;

import dev.tandem.catalog.ReadinessLevel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What the selection score weighs. Each criterion turns a proposal into a value from 0 to 1 and says
 * how it got there, so that every score can be explained. The default weights put low risk first, as a
 * new program should: its first engagements must succeed.
 */
public enum SelectionCriterion {
    LOW_RISK("Low risk", 3),
    RELATIONSHIP("Existing relationship with SRE", 2),
    WILLINGNESS("Willing to help the SRE onboard", 2),
    PROBLEM("Strength of the reliability problem", 2),
    MOTIVATION("Motivation to fix it", 2),
    CRITICALITY("Business criticality", 1);

    public static final int MAX_WEIGHT = 10;

    private final String label;
    private final int defaultWeight;

    SelectionCriterion(String label, int defaultWeight) {
        this.label = label;
        this.defaultWeight = defaultWeight;
    }

    public String label() {
        return label;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    /** The key used in the API and the weights form ({@code low-risk}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SelectionCriterion fromKey(String key) {
        for (SelectionCriterion c : values()) {
            if (c.key().equals(key) || c.name().equalsIgnoreCase(key)) {
                return c;
            }
        }
        return null;
    }

    /** The value (0 to 1) with the reason, for one proposal whose services have the given levels. */
    public Valued value(Engagement.Intake in, List<ReadinessLevel> levels, LocalDate today) {
        return switch (this) {
            case LOW_RISK -> new Valued((5 - in.risk()) / 4.0, "risk " + in.risk() + " of 5");
            case RELATIONSHIP -> new Valued(switch (in.relationship()) {
                case NONE -> 0.0;
                case OCCASIONAL -> 0.5;
                case ESTABLISHED -> 1.0;
            }, in.relationship().label() + " relationship");
            case WILLINGNESS -> new Valued((in.willingness() - 1) / 4.0, "willingness " + in.willingness() + " of 5");
            case MOTIVATION -> new Valued((in.motivation() - 1) / 4.0, "motivation " + in.motivation() + " of 5");
            case PROBLEM -> problem(in, today);
            case CRITICALITY -> criticality(levels);
        };
    }

    /**
     * The strongest of the pains the team reports, each scaled to its own "severe" mark: 12 incidents or
     * 6 missed SLOs in a quarter, half of the time spent on toil, or a launch within 90 days.
     */
    private static Valued problem(Engagement.Intake in, LocalDate today) {
        double incidents = Math.min(1.0, in.incidents() / 12.0);
        double misses = Math.min(1.0, in.sloMisses() / 6.0);
        double toil = Math.min(1.0, in.toilPercent() / 50.0);
        double launch = 0;
        if (in.upcomingLaunch() != null && !in.upcomingLaunch().isBefore(today)) {
            long days = ChronoUnit.DAYS.between(today, in.upcomingLaunch());
            launch = days <= 90 ? 1.0 : days <= 180 ? 0.5 : 0.0;
        }
        double value = Math.max(Math.max(incidents, misses), Math.max(toil, launch));
        String why = in.incidents() + " incidents, " + in.sloMisses() + " SLO misses, " + in.toilPercent() + " % toil"
                + (in.upcomingLaunch() == null ? "" : ", launch on " + in.upcomingLaunch());
        return new Valued(value, why);
    }

    private static Valued criticality(List<ReadinessLevel> levels) {
        ReadinessLevel highest = levels.stream().filter(java.util.Objects::nonNull).min(Enum::compareTo).orElse(null);
        if (highest == null) {
            return new Valued(0.0, levels.isEmpty() ? "no services in scope" : "no readiness level set");
        }
        double value = switch (highest) {
            case A -> 1.0;
            case B -> 0.6;
            case C -> 0.2;
        };
        return new Valued(value, "highest level " + highest.name() + " (" + highest.label() + ")");
    }

    public record Valued(double value, String reason) {
    }
}
