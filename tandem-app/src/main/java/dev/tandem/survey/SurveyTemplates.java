package dev.tandem.survey;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.audit.AuditLog;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tandem.survey.internal.SurveyRows.ts;

/**
 * Survey templates: admins write and edit them; every edit is a new version (optimistic locking), and
 * surveys already sent keep the questions they were sent with. Tandem ships one, "Engagement
 * satisfaction", which the automatic monthly and exit surveys use.
 */
@Component
public class SurveyTemplates {

    static final String TYPE = "survey template";
    public static final String SHIPPED_NAME = "Engagement satisfaction";
    static final int MAX_QUESTIONS = 30;
    static final int MAX_QUESTION = 500;

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AuditLog audit;

    SurveyTemplates(JdbcClient jdbc, AccessPolicy policy, AuditLog audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
    }

    public List<SurveyTemplate> list() {
        return load("select * from survey_templates order by shipped desc, name", List.of());
    }

    public Optional<SurveyTemplate> find(long id) {
        return load("select * from survey_templates where id = ?", List.of(id)).stream().findFirst();
    }

    public SurveyTemplate get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException(TYPE, String.valueOf(id)));
    }

    /** The template Tandem ships (installed at start-up), for the automatic surveys. */
    public Optional<SurveyTemplate> shipped() {
        return load("select * from survey_templates where shipped = ? order by id", List.of(true)).stream().findFirst();
    }

    @Transactional
    public SurveyTemplate create(TemplateDraft draft) {
        policy.requireAdmin();
        Checked c = check(draft, null);
        SurveyTemplate created = insert(c, false);
        audit.record("create", TYPE, created.name(), null, created);
        return created;
    }

    @Transactional
    public SurveyTemplate update(long id, TemplateDraft draft, int expectedVersion, boolean fromIfMatch) {
        policy.requireAdmin();
        SurveyTemplate before = get(id);
        if (expectedVersion != before.version()) {
            throw new StaleVersionException(TYPE, before.name(), expectedVersion, before.version(), fromIfMatch);
        }
        Checked c = check(draft, id);
        int n = jdbc.sql("update survey_templates set name = ?, description = ?, anonymous = ?, updated_at = ?, "
                        + "version = version + 1 where id = ? and version = ?")
                .params(c.name, c.description, c.anonymous, ts(Instant.now()), id, before.version()).update();
        if (n == 0) {
            throw new StaleVersionException(TYPE, before.name(), expectedVersion, get(id).version(), fromIfMatch);
        }
        jdbc.sql("delete from survey_template_questions where template_id = ?").param(id).update();
        writeQuestions(id, c.questions);
        SurveyTemplate after = get(id);
        audit.record("update", TYPE, after.name(), before, after);
        return after;
    }

    /** Installs the shipped template unless it exists (an admin's edits to it are kept). */
    @Transactional
    public void installShipped() {
        if (shipped().isPresent()) {
            return;
        }
        if (!jdbc.sql("select id from survey_templates where name = ?").param(SHIPPED_NAME).query(Long.class).list().isEmpty()) {
            jdbc.sql("update survey_templates set shipped = ? where name = ?").params(true, SHIPPED_NAME).update();
            return;
        }
        List<Question> questions = List.of(
                new Question(1, QuestionKind.RATING, "The embedded SRE helped us improve our reliability"),
                new Question(2, QuestionKind.RATING, "The embedded SRE understood our services and our constraints"),
                new Question(3, QuestionKind.RATING, "Working with the embedded SRE was a good use of our team's time"),
                new Question(4, QuestionKind.RATING, "Our team can keep up the practices we adopted without the SRE"),
                new Question(5, QuestionKind.RATING, "I would recommend an engagement to another team"),
                new Question(6, QuestionKind.TEXT, "What helped most?"),
                new Question(7, QuestionKind.TEXT, "What should we do differently?"));
        SurveyTemplate created = insert(new Checked(SHIPPED_NAME, "How the team sees the engagement: asked every month "
                + "and at the exit.", true, questions), true);
        audit.record("install", TYPE, created.name(), null, created);
    }

    private SurveyTemplate insert(Checked c, boolean shipped) {
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into survey_templates (name, description, anonymous, shipped, created_at, updated_at, version) "
                        + "values (?, ?, ?, ?, ?, ?, 1)")
                .params(c.name, c.description, c.anonymous, shipped, ts(now), ts(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeQuestions(id, c.questions);
        return get(id);
    }

    private void writeQuestions(long id, List<Question> questions) {
        for (Question q : questions) {
            jdbc.sql("insert into survey_template_questions (template_id, position, kind, text) values (?, ?, ?, ?)")
                    .params(id, q.position(), q.kind().name(), q.text()).update();
        }
    }

    private record Checked(String name, String description, boolean anonymous, List<Question> questions) {
    }

    private Checked check(TemplateDraft d, Long self) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "name the template"));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "at most 200 characters"));
        } else {
            List<Long> same = jdbc.sql("select id from survey_templates where lower(name) = ?")
                    .param(name.toLowerCase(java.util.Locale.ROOT)).query(Long.class).list();
            if (same.stream().anyMatch(id -> !id.equals(self))) {
                problems.add(new FieldProblem("name", "a template named '" + name + "' exists"));
            }
        }
        String description = d.description() == null || d.description().isBlank() ? null : d.description().trim();
        if (description != null && description.length() > 2000) {
            problems.add(new FieldProblem("description", "at most 2000 characters"));
        }
        List<Question.Draft> drafts = d.questions() == null ? List.of() : d.questions();
        List<Question> questions = new ArrayList<>();
        if (drafts.isEmpty()) {
            problems.add(new FieldProblem("questions", "ask at least one question"));
        } else if (drafts.size() > MAX_QUESTIONS) {
            problems.add(new FieldProblem("questions", "at most " + MAX_QUESTIONS + " questions"));
        } else {
            for (int i = 0; i < drafts.size(); i++) {
                Question.Draft q = drafts.get(i);
                String field = "questions[" + i + "]";
                if (q == null) {
                    problems.add(new FieldProblem(field, "write the question"));
                    continue;
                }
                QuestionKind kind = null;
                try {
                    kind = QuestionKind.parse(field + ".kind", q.kind());
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
                String text = q.text() == null ? "" : q.text().trim();
                if (text.isEmpty()) {
                    problems.add(new FieldProblem(field + ".text", "write the question"));
                } else if (text.length() > MAX_QUESTION) {
                    problems.add(new FieldProblem(field + ".text", "at most " + MAX_QUESTION + " characters"));
                }
                if (kind != null && !text.isEmpty()) {
                    questions.add(new Question(questions.size() + 1, kind, text));
                }
            }
            if (problems.isEmpty() && questions.stream().noneMatch(Question::rating)) {
                problems.add(new FieldProblem("questions", "ask at least one rating question"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(name, description, d.anonymous() == null || d.anonymous(), questions);
    }

    private List<SurveyTemplate> load(String sql, List<?> params) {
        record Row(long id, String name, String description, boolean anonymous, boolean shipped, Instant created,
                   Instant updated, int version) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"),
                rs.getString("description"), rs.getBoolean("anonymous"), rs.getBoolean("shipped"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Question>> questions = new LinkedHashMap<>();
        List<Long> ids = rows.stream().map(Row::id).toList();
        jdbc.sql("select * from survey_template_questions where template_id in ("
                        + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ") order by template_id, position")
                .params(ids).query((rs, n) -> {
                    questions.computeIfAbsent(rs.getLong("template_id"), k -> new ArrayList<>()).add(new Question(
                            rs.getInt("position"), QuestionKind.valueOf(rs.getString("kind")), rs.getString("text")));
                    return null;
                }).list();
        return rows.stream().map(r -> new SurveyTemplate(r.id, r.name, r.description, r.anonymous, r.shipped,
                questions.getOrDefault(r.id, List.of()), r.created, r.updated, r.version)).toList();
    }
}
