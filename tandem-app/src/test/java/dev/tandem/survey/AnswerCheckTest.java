package dev.tandem.survey;

import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AnswerCheckTest {

    private static final List<Question> QUESTIONS = List.of(new Question(1, QuestionKind.RATING, "Helpful"),
            new Question(2, QuestionKind.RATING, "Recommend"), new Question(3, QuestionKind.TEXT, "Anything else?"));

    @Test
    void acceptsRatingsAndOptionalText() {
        List<Object[]> rows = SurveyResponses.check(QUESTIONS, new AnswerSheet(Map.of("1", "5", "2", " 3 ", "3", "  ")));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(1, 5, null);
        assertThat(rows.get(1)).containsExactly(2, 3, null);
    }

    @Test
    void everyRatingQuestionNeedsARatingFromOneToFive() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SurveyResponses.check(QUESTIONS, new AnswerSheet(Map.of("1", "6"))));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("answers[1]", "answers[2]");
        e = catchThrowableOfType(InvalidInputException.class,
                () -> SurveyResponses.check(QUESTIONS, new AnswerSheet(Map.of("1", "five", "2", "0"))));
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void textsAreAtMost2000CharactersAndOnlyKnownQuestionsAreAnswered() {
        assertThat(SurveyResponses.check(QUESTIONS, new AnswerSheet(Map.of("1", "1", "2", "2", "3", "x".repeat(2000)))))
                .hasSize(3);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> SurveyResponses.check(QUESTIONS,
                new AnswerSheet(Map.of("1", "1", "2", "2", "3", "x".repeat(2001), "9", "5"))));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("answers[3]", "answers[9]");
    }
}
