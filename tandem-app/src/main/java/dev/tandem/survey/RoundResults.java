package dev.tandem.survey;

import java.util.List;

/** The results of one round: per question in the order asked, and the average over all its ratings. */
public record RoundResults(Survey survey, RatingStats overall, List<QuestionResult> questions) {

    public RoundResults {
        questions = List.copyOf(questions);
    }
}
