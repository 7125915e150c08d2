package dev.tandem.survey;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * One round of a survey sent to an engagement's team, with the questions frozen as they were sent.
 * {@code label} names the round ("Monthly, 2026-07", "Exit", or the sender's own words).
 */
public record Survey(long id, long engagementId, long templateId, String templateName, int templateVersion,
                     boolean anonymous, Milestone milestone, String label, List<Question> questions, String sentBy,
                     Instant sentAt, Instant expiresAt, int invitations, int responses) {

    public Survey {
        questions = List.copyOf(questions);
    }

    /** Responses per invitation, 0 to 1; 0 when nobody was invited. */
    @JsonProperty
    public double responseRate() {
        return invitations == 0 ? 0 : (double) responses / invitations;
    }
}
