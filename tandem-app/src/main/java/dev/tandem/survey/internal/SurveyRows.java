package dev.tandem.survey.internal;

import dev.tandem.survey.Milestone;
import dev.tandem.survey.Question;
import dev.tandem.survey.QuestionKind;
import dev.tandem.survey.Survey;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading surveys and their frozen questions, with their invitation and response counts. */
public final class SurveyRows {

    public static final String SELECT = "select s.*, "
            + "(select count(*) from survey_invitations i where i.survey_id = s.id) invitation_count, "
            + "(select count(*) from survey_responses r where r.survey_id = s.id) response_count from surveys s";

    private SurveyRows() {
    }

    public static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    public static List<Survey> load(JdbcClient jdbc, String sql, List<?> params) {
        record Row(long id, long engagementId, long templateId, String templateName, int templateVersion, boolean anonymous,
                   Milestone milestone, String label, String sentBy, Instant sentAt, Instant expiresAt, int invitations,
                   int responses) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("engagement_id"),
                rs.getLong("template_id"), rs.getString("template_name"), rs.getInt("template_version"),
                rs.getBoolean("anonymous"), Milestone.valueOf(rs.getString("milestone")), rs.getString("label"),
                rs.getString("sent_by"), rs.getTimestamp("sent_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getInt("invitation_count"), rs.getInt("response_count"))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Question>> questions = new LinkedHashMap<>();
        List<Long> ids = rows.stream().map(Row::id).toList();
        jdbc.sql("select * from survey_questions where survey_id in ("
                        + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ") order by survey_id, position")
                .params(ids)
                .query((rs, n) -> {
                    questions.computeIfAbsent(rs.getLong("survey_id"), k -> new ArrayList<>()).add(new Question(
                            rs.getInt("position"), QuestionKind.valueOf(rs.getString("kind")), rs.getString("text")));
                    return null;
                }).list();
        return rows.stream().map(r -> new Survey(r.id, r.engagementId, r.templateId, r.templateName, r.templateVersion,
                r.anonymous, r.milestone, r.label, questions.getOrDefault(r.id, List.of()), r.sentBy, r.sentAt,
                r.expiresAt, r.invitations, r.responses)).toList();
    }
}
