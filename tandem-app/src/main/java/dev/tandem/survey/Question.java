package dev.tandem.survey;

import java.util.List;

/** One question of a template or of a sent survey; {@code position} counts from 1. */
public record Question(int position, QuestionKind kind, String text) {

    /** The words beside the ratings 1 to 5 on the answer page. */
    public static final List<String> SCALE = List.of("Strongly disagree", "Disagree", "Neither agree nor disagree",
            "Agree", "Strongly agree");

    public boolean rating() {
        return kind == QuestionKind.RATING;
    }

    /** A question as written in a form or sent to the API: a kind ("rating" or "text") and its wording. */
    public record Draft(String kind, String text) {
    }
}
