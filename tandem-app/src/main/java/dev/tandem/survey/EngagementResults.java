package dev.tandem.survey;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Every round of one engagement: the rounds' own results (newest first), and across them the average
 * rating, the response rate and the results per question (questions with the same wording are one).
 */
public record EngagementResults(long engagementId, int invitations, int responses, RatingStats overall,
                                List<QuestionResult> questions, List<RoundResults> rounds) {

    public EngagementResults {
        questions = List.copyOf(questions);
        rounds = List.copyOf(rounds);
    }

    @JsonProperty
    public double responseRate() {
        return invitations == 0 ? 0 : (double) responses / invitations;
    }
}
