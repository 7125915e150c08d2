package dev.tandem.survey;

import java.time.Instant;
import java.util.List;

/**
 * The questions a survey asks. Editing a template makes a new version; surveys already sent keep the
 * questions they were sent with. {@code anonymous}: responses name no one. {@code shipped}: the template
 * Tandem installs, used for the automatic monthly and exit surveys.
 */
public record SurveyTemplate(long id, String name, String description, boolean anonymous, boolean shipped,
                             List<Question> questions, Instant createdAt, Instant updatedAt, int version) {

    public SurveyTemplate {
        questions = List.copyOf(questions);
    }

    public long ratingQuestions() {
        return questions.stream().filter(Question::rating).count();
    }
}
