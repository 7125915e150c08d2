package dev.tandem.survey;

import dev.tandem.audit.AuditLog;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.Engagements;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.Role;
import dev.tandem.survey.internal.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tandem.survey.internal.SurveyRows.ts;

/**
 * Answering a survey through a personal link, without signing in. The token is the only credential: an
 * unknown or malformed one is "not found" whatever it looks like, an expired one and a used one are
 * refused with their own message. One response per link. For an anonymous survey the response row
 * names no one and does not point at the invitation, which is only marked as used.
 */
@Component
public class SurveyResponses {

    public static final int MAX_TEXT = 2000;
    /** The actor of an anonymous response in the audit log. */
    static final String ANONYMOUS = "anonymous respondent";

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final Engagements engagements;
    private final AuditLog audit;

    SurveyResponses(JdbcClient jdbc, Surveys surveys, Engagements engagements, AuditLog audit) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.engagements = engagements;
        this.audit = audit;
    }

    /** No link with this token: it never existed, was forged or was replaced by a new one. Says nothing more. */
    public static class UnknownLinkException extends RuntimeException {
        public UnknownLinkException() {
            super("this survey link is not valid");
        }
    }

    /** The link is past its date. */
    public static class ExpiredLinkException extends ConflictException {
        public ExpiredLinkException(Instant at) {
            super("this survey link expired on " + java.time.format.DateTimeFormatter.ISO_LOCAL_DATE
                    .withZone(java.time.ZoneOffset.UTC).format(at) + "; ask the embedded SRE for a new one");
        }
    }

    /** The link was used: one response per person. */
    public static class UsedLinkException extends ConflictException {
        public UsedLinkException() {
            super("this survey has already been answered with this link; each link takes one response");
        }
    }

    private record Invitation(long id, long surveyId, String person, String displayName, Instant expiresAt, boolean used) {
    }

    /** The survey behind a valid, unused, unexpired link. */
    public SurveyForm open(String token) {
        Invitation inv = usable(token);
        Survey survey = surveys.get(inv.surveyId);
        Engagement e = engagements.get(survey.engagementId());
        return new SurveyForm(survey.id(), e.title(), e.team(), survey.label(), survey.anonymous(),
                survey.anonymous() ? null : (inv.displayName != null ? inv.displayName : inv.person), survey.questions());
    }

    /** Stores one person's answers, all or nothing; the link cannot be used again. */
    @Transactional
    public void answer(String token, AnswerSheet sheet) {
        Invitation inv = usable(token);
        Survey survey = surveys.get(inv.surveyId);
        List<Object[]> answers = check(survey.questions(), sheet);
        // Marking the link first, conditionally, makes a second submission racing this one fail here.
        int marked = jdbc.sql("update survey_invitations set used = ? where id = ? and used = ?")
                .params(true, inv.id, false).update();
        if (marked == 0) {
            throw new UsedLinkException();
        }
        String respondent = survey.anonymous() ? null : inv.person;
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into survey_responses (survey_id, respondent, submitted_at) values (?, ?, ?)")
                .params(survey.id(), respondent, ts(Instant.now())).update(keys, "id");
        long responseId = keys.getKeyAs(Number.class).longValue();
        for (Object[] a : answers) {
            jdbc.sql("insert into survey_answers (response_id, position, rating, text) values (?, ?, ?, ?)")
                    .params(responseId, a[0], a[1], a[2]).update();
        }
        Engagement e = engagements.get(survey.engagementId());
        Actor.runAs(new Actor(survey.anonymous() ? ANONYMOUS : inv.person, Role.VIEWER), () -> {
            audit.record("answer", Surveys.TYPE, Surveys.label(e, survey), survey.anonymous()
                    ? "an anonymous response" : "a response from " + inv.person, null, null);
            return null;
        });
    }

    private Invitation usable(String token) {
        if (!Tokens.wellFormed(token)) {
            throw new UnknownLinkException();
        }
        Invitation inv = jdbc.sql("select id, survey_id, person, display_name, expires_at, used from survey_invitations "
                        + "where token_hash = ?")
                .param(Tokens.hash(token))
                .query((rs, n) -> new Invitation(rs.getLong("id"), rs.getLong("survey_id"), rs.getString("person"),
                        rs.getString("display_name"), rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("used")))
                .optional().orElseThrow(UnknownLinkException::new);
        if (inv.used) {
            throw new UsedLinkException();
        }
        if (!Instant.now().isBefore(inv.expiresAt)) {
            throw new ExpiredLinkException(inv.expiresAt);
        }
        return inv;
    }

    /** Every rating question answered 1-5, texts at most 2000 characters; {position, rating, text} rows. */
    static List<Object[]> check(List<Question> questions, AnswerSheet sheet) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Question q : questions) {
            String field = "answers[" + q.position() + "]";
            String value = sheet.answer(q.position());
            if (q.rating()) {
                Integer rating = null;
                if (value != null && !value.isBlank()) {
                    try {
                        rating = Integer.valueOf(value.trim());
                    } catch (NumberFormatException e) {
                        rating = null;
                    }
                    if (rating == null || rating < 1 || rating > 5) {
                        problems.add(new FieldProblem(field, "choose a rating from 1 to 5"));
                        continue;
                    }
                }
                if (rating == null) {
                    problems.add(new FieldProblem(field, "choose a rating from 1 to 5"));
                } else {
                    rows.add(new Object[] {q.position(), rating, null});
                }
            } else {
                String text = value == null ? "" : value.strip();
                if (text.length() > MAX_TEXT) {
                    problems.add(new FieldProblem(field, "at most " + MAX_TEXT + " characters (this is " + text.length() + ")"));
                } else if (!text.isEmpty()) {
                    rows.add(new Object[] {q.position(), null, text});
                }
            }
        }
        java.util.Set<Integer> known = new java.util.HashSet<>(questions.stream().map(Question::position).toList());
        for (Map.Entry<String, String> a : sheet.answers().entrySet()) {
            Integer position = null;
            try {
                position = Integer.valueOf(a.getKey());
            } catch (NumberFormatException e) {
                position = null;
            }
            if (position == null || !known.contains(position)) {
                problems.add(new FieldProblem("answers[" + a.getKey() + "]", "the survey has no such question"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rows;
    }
}
