package dev.tandem.engagement;

import java.time.Instant;
import java.util.List;

/**
 * The inception deck an engagement starts from: why, what for, what is in and out of scope, how the SRE
 * and the team work together, and the desired state as exit criteria. Each save is a new version;
 * versions saved after the start are marked so, because they change what was agreed.
 *
 * @param holdDays how long every exit criterion must hold before Tandem says it is time to plan the exit
 */
public record Charter(long engagementId, int version, String background, String goal, String customerValue,
                      String commandersIntent, List<String> inScope, List<String> outOfScope, String syncCadence,
                      String feedbackCadence, List<String> contacts, int holdDays, List<ExitCriterion> exitCriteria,
                      boolean afterStart, String savedBy, Instant savedAt) {

    public static final int DEFAULT_HOLD_DAYS = 14;
    public static final String DEFAULT_SYNC = "Weekly sync";
    public static final String DEFAULT_FEEDBACK = "Feedback every two weeks";

    public Charter {
        inScope = List.copyOf(inScope);
        outOfScope = List.copyOf(outOfScope);
        contacts = List.copyOf(contacts);
        exitCriteria = List.copyOf(exitCriteria);
    }

    public java.util.Optional<ExitCriterion> criterion(String key) {
        return exitCriteria.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
