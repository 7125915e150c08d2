package dev.tandem.survey;

import dev.tandem.engagement.EngagementAccess;
import dev.tandem.engagement.Engagements;
import dev.tandem.survey.internal.Aggregation;
import dev.tandem.survey.internal.AnswerRow;
import dev.tandem.survey.internal.SurveyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The results of the surveys: per round, per engagement, and program-wide (for the program dashboard).
 * Every average is the mean of the rating answers it covers, each answer weighing the same; see
 * {@link ProgramResults}. Nothing here names an anonymous respondent: their rows name no one.
 */
@Component
public class SurveyResults {

    private static final String ANSWERS = """
            select r.survey_id, r.id response_id, r.submitted_at, r.respondent, a.position, q.kind, q.text question,
              a.rating, a.text
            from survey_answers a
              join survey_responses r on r.id = a.response_id
              join survey_questions q on q.survey_id = r.survey_id and q.position = a.position
            """;
    private static final String ORDER = " order by r.survey_id, r.id, a.position";

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final Engagements engagements;
    private final EngagementAccess access;

    SurveyResults(JdbcClient jdbc, Surveys surveys, Engagements engagements, EngagementAccess access) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.engagements = engagements;
        this.access = access;
    }

    /**
     * Who answered a named survey is for the people of the engagement (its embedded SREs, the team's
     * members, managers); everyone else reads the answers without the names.
     */
    private List<AnswerRow> named(List<AnswerRow> rows, boolean mayName) {
        if (mayName) {
            return rows;
        }
        return rows.stream().map(r -> r.respondent() == null ? r : new AnswerRow(r.surveyId(), r.responseId(),
                r.submittedAt(), null, r.position(), r.kind(), r.question(), r.rating(), r.text())).toList();
    }

    public RoundResults forSurvey(long surveyId) {
        Survey survey = surveys.get(surveyId);
        return round(survey, named(answers(" where r.survey_id = ?", List.of(surveyId)),
                access.canEdit(engagements.get(survey.engagementId()))));
    }

    public EngagementResults forEngagement(long engagementId) {
        boolean mayName = access.canEdit(engagements.get(engagementId));
        List<Survey> rounds = surveys.rounds(engagementId);
        List<AnswerRow> rows = named(answers(" join surveys s on s.id = r.survey_id where s.engagement_id = ?",
                List.of(engagementId)), mayName);
        List<RoundResults> perRound = rounds.stream()
                .map(s -> round(s, rows.stream().filter(r -> r.surveyId() == s.id()).toList())).toList();
        return new EngagementResults(engagementId, rounds.stream().mapToInt(Survey::invitations).sum(),
                rounds.stream().mapToInt(Survey::responses).sum(), Aggregation.overall(rows), Aggregation.byWording(rows),
                perRound);
    }

    public ProgramResults program() {
        List<AnswerRow> rows = named(answers("", List.of()), access.isManager());
        record Counts(int surveys, int invitations, int responses) {
        }
        Counts c = jdbc.sql("select (select count(*) from surveys) s, (select count(*) from survey_invitations) i, "
                        + "(select count(*) from survey_responses) r")
                .query((rs, n) -> new Counts(rs.getInt("s"), rs.getInt("i"), rs.getInt("r"))).single();
        return new ProgramResults(Aggregation.overall(rows), c.surveys, c.invitations, c.responses,
                Aggregation.byWording(rows), Aggregation.trend(rows));
    }

    /** The mean of every rating answer of every survey, or null before the first one. */
    public Double programAverage() {
        return jdbc.sql("select avg(cast(a.rating as double precision)) from survey_answers a where a.rating is not null")
                .query(Double.class).optional().orElse(null);
    }

    /** The mean of every rating answer of the engagement's surveys, or null before the first one. */
    public Double engagementAverage(long engagementId) {
        return jdbc.sql("select avg(cast(a.rating as double precision)) from survey_answers a "
                        + "join survey_responses r on r.id = a.response_id join surveys s on s.id = r.survey_id "
                        + "where s.engagement_id = ? and a.rating is not null")
                .param(engagementId).query(Double.class).optional().orElse(null);
    }

    public List<QuarterPoint> quarterlyTrend() {
        return Aggregation.trend(answers(" where a.rating is not null", List.of()));
    }

    private RoundResults round(Survey survey, List<AnswerRow> rows) {
        return new RoundResults(survey, Aggregation.overall(rows), Aggregation.byPosition(survey.questions(), rows));
    }

    private List<AnswerRow> answers(String where, List<?> params) {
        return jdbc.sql(ANSWERS + where + ORDER).params(params).query((rs, n) -> new AnswerRow(rs.getLong("survey_id"),
                rs.getLong("response_id"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("respondent"),
                rs.getInt("position"), QuestionKind.valueOf(rs.getString("kind")), rs.getString("question"),
                (Integer) rs.getObject("rating", Integer.class), rs.getString("text"))).list();
    }
}
