package dev.tandem.survey;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Program-wide: the average of every rating answer of every survey (each answer weighs the same, so a
 * round with more respondents counts for more), the response rate over all invitations, the mean per
 * question (by wording) and the trend by calendar quarter, oldest first.
 */
public record ProgramResults(RatingStats overall, int surveys, int invitations, int responses,
                             List<QuestionResult> questions, List<QuarterPoint> trend) {

    public ProgramResults {
        questions = List.copyOf(questions);
        trend = List.copyOf(trend);
    }

    @JsonProperty
    public double responseRate() {
        return invitations == 0 ? 0 : (double) responses / invitations;
    }

    /** The program average with two decimals, as reported ("4.63"). */
    @JsonProperty
    public String averageText() {
        return overall.meanText();
    }
}
