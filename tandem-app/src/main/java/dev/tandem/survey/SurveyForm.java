package dev.tandem.survey;

import java.util.List;

/** What the answer page shows to the holder of a valid link: whose engagement, and the questions. */
public record SurveyForm(long surveyId, String engagementTitle, String team, String label, boolean anonymous,
                         String respondent, List<Question> questions) {

    public SurveyForm {
        questions = List.copyOf(questions);
    }
}
