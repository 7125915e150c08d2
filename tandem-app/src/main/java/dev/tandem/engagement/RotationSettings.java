package dev.tandem.engagement;

/**
 * The program's rotation rules. The maximum stay is the total time one SRE may spend embedded with the
 * same team across engagements, so that the practice spreads and teams do not come to depend on one
 * person; the default length is what the planner proposes for a new engagement.
 */
public record RotationSettings(int maxStayDays, int defaultLengthDays, int version) {

    public static final int MAX_DAYS = 3650;

    /** An admin's change to the settings; a missing number keeps the current value. */
    public record Update(Integer maxStayDays, Integer defaultLengthDays, Integer version) {
    }
}
