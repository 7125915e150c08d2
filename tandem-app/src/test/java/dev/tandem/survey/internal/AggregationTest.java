package dev.tandem.survey.internal;

import dev.tandem.survey.QuarterPoint;
import dev.tandem.survey.Question;
import dev.tandem.survey.QuestionKind;
import dev.tandem.survey.QuestionResult;
import dev.tandem.survey.RatingStats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AggregationTest {

    private static final String HELPED = "The embedded SRE helped us improve our reliability";
    private static final String RECOMMEND = "I would recommend an engagement";
    private static final Instant JULY = Instant.parse("2026-07-15T10:00:00Z");
    private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");

    private static AnswerRow rating(long survey, long response, Instant at, int position, String question, int rating) {
        return new AnswerRow(survey, response, at, null, position, QuestionKind.RATING, question, rating, null);
    }

    private static AnswerRow text(long survey, long response, String respondent, int position, String text) {
        return new AnswerRow(survey, response, JULY, respondent, position, QuestionKind.TEXT, "What helped most?", null, text);
    }

    /**
     * 50 responses of two questions: 63 fives and 37 fours make 463 / 100 = 4.63 exactly. The first round (10
     * responses, all fives) has a mean of 5 and the second (40 responses) 4.5375: the mean of the round means
     * (4.77) would overweight the small round, the mean of all answers does not.
     */
    @Test
    void programAverageIsTheMeanOfAllRatingAnswers() {
        List<AnswerRow> rows = new ArrayList<>();
        long response = 0;
        for (int i = 0; i < 10; i++) {
            response++;
            rows.add(rating(1, response, JULY, 1, HELPED, 5));
            rows.add(rating(1, response, JULY, 2, RECOMMEND, 5));
        }
        // Round 2: 43 fives and 37 fours over 80 answers.
        int fives = 43;
        int fours = 37;
        for (int i = 0; i < 40; i++) {
            response++;
            for (int position = 1; position <= 2; position++) {
                int value = fives-- > 0 ? 5 : 4;
                if (value == 4) {
                    fours--;
                }
                rows.add(rating(2, response, OCTOBER, position, position == 1 ? HELPED : RECOMMEND, value));
            }
        }
        assertThat(fours).isZero();

        RatingStats all = Aggregation.overall(rows);
        assertThat(all.count()).isEqualTo(100);
        assertThat(all.mean()).isCloseTo(4.63, within(1e-12));
        assertThat(all.meanText()).isEqualTo("4.63");
        assertThat(all.distribution()).containsExactly(0, 0, 0, 37, 63);

        RatingStats second = Aggregation.overall(rows.stream().filter(r -> r.surveyId() == 2).toList());
        assertThat(second.mean()).isCloseTo(363.0 / 80, within(1e-12));
        assertThat((5.0 + second.mean()) / 2).as("the mean of the round means is another figure")
                .isNotCloseTo(4.63, within(0.1));
    }

    @Test
    void trendGroupsRatingsByCalendarQuarterInUtc() {
        Instant lastSecondOfQ3 = Instant.parse("2026-09-30T23:59:59Z");
        List<AnswerRow> rows = List.of(
                rating(1, 1, JULY, 1, HELPED, 4),
                rating(1, 1, JULY, 2, RECOMMEND, 5),
                rating(1, 2, lastSecondOfQ3, 1, HELPED, 3),
                rating(2, 3, OCTOBER, 1, HELPED, 2),
                text(2, 3, null, 3, "not a rating"));

        List<QuarterPoint> trend = Aggregation.trend(rows);

        assertThat(trend).extracting(QuarterPoint::quarter).containsExactly("2026-Q3", "2026-Q4");
        assertThat(trend.get(0).mean()).isCloseTo(4.0, within(1e-12));
        assertThat(trend.get(0).ratings()).isEqualTo(3);
        assertThat(trend.get(0).responses()).isEqualTo(2);
        assertThat(trend.get(1).mean()).isCloseTo(2.0, within(1e-12));
        assertThat(trend.get(1).responses()).isEqualTo(1);
        assertThat(Aggregation.quarter(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("2027-Q1");
        assertThat(Aggregation.quarter(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("2026-Q4");
    }

    @Test
    void aRoundListsEveryQuestionInOrderEvenUnanswered() {
        List<Question> questions = List.of(new Question(1, QuestionKind.RATING, HELPED),
                new Question(2, QuestionKind.RATING, RECOMMEND), new Question(3, QuestionKind.TEXT, "What helped most?"));
        List<AnswerRow> rows = List.of(rating(1, 1, JULY, 1, HELPED, 5), rating(1, 2, JULY, 1, HELPED, 2),
                text(1, 1, "alice", 3, "The runbooks"));

        List<QuestionResult> results = Aggregation.byPosition(questions, rows);

        assertThat(results).extracting(QuestionResult::text).containsExactly(HELPED, RECOMMEND, "What helped most?");
        assertThat(results.get(0).ratings().mean()).isCloseTo(3.5, within(1e-12));
        assertThat(results.get(0).ratings().distribution()).containsExactly(0, 1, 0, 0, 1);
        assertThat(results.get(1).ratings().count()).isZero();
        assertThat(results.get(1).ratings().mean()).isNull();
        assertThat(results.get(2).ratings()).isNull();
        assertThat(results.get(2).texts()).containsExactly(new QuestionResult.TextAnswer("The runbooks", "alice"));
    }

    @Test
    void acrossRoundsTheSameWordingIsOneQuestion() {
        List<AnswerRow> rows = List.of(rating(1, 1, JULY, 1, HELPED, 5), rating(1, 1, JULY, 2, RECOMMEND, 3),
                rating(2, 2, OCTOBER, 4, HELPED, 4), text(2, 2, null, 5, "More pairing"));

        List<QuestionResult> results = Aggregation.byWording(rows);

        assertThat(results).extracting(QuestionResult::text).containsExactly(HELPED, RECOMMEND, "What helped most?");
        assertThat(results.get(0).ratings().count()).isEqualTo(2);
        assertThat(results.get(0).ratings().mean()).isCloseTo(4.5, within(1e-12));
        assertThat(results.get(2).texts()).extracting(QuestionResult.TextAnswer::respondent).containsExactly((String) null);
    }
}
