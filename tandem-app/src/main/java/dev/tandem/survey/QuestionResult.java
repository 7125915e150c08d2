package dev.tandem.survey;

import java.util.List;

/**
 * The answers to one question: for a rating question its statistics, for a text question the texts
 * (each with who wrote it, for named surveys only).
 */
public record QuestionResult(String text, QuestionKind kind, RatingStats ratings, List<TextAnswer> texts) {

    public QuestionResult {
        texts = List.copyOf(texts);
    }

    public boolean rating() {
        return kind == QuestionKind.RATING;
    }

    /** One free-text answer; {@code respondent} is null in anonymous surveys. */
    public record TextAnswer(String text, String respondent) {
    }
}
