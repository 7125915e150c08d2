package dev.tandem.survey.internal;

import dev.tandem.survey.QuestionKind;

import java.time.Instant;

/** One stored answer with what aggregation needs: its round, its response, when, by whom (or null), and the question. */
public record AnswerRow(long surveyId, long responseId, Instant submittedAt, String respondent, int position,
                        QuestionKind kind, String question, Integer rating, String text) {
}
