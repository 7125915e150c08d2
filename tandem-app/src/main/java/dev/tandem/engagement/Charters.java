package dev.tandem.engagement;

import dev.tandem.audit.AuditLog;
import dev.tandem.engagement.internal.CriteriaReader;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.Json;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Charters, versioned: every save adds a version, and the newest one's exit criteria are copied to their
 * own table for evaluation. The embedded SREs, the team's members and managers edit it until the
 * engagement ends.
 */
@Component
public class Charters {

    static final String TYPE = "charter";
    static final int MAX_TEXT = 4000;
    static final int MAX_LIST = 30;

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final EngagementAccess access;
    private final CriteriaReader criteria;
    private final AuditLog audit;

    Charters(JdbcClient jdbc, Engagements engagements, EngagementAccess access, CriteriaReader criteria, AuditLog audit) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.access = access;
        this.criteria = criteria;
        this.audit = audit;
    }

    public Optional<Charter> current(long engagementId) {
        return jdbc.sql("select * from charters where engagement_id = ? order by charter_version desc limit 1")
                .param(engagementId).query(this::row).optional();
    }

    public Charter version(long engagementId, int version) {
        return jdbc.sql("select * from charters where engagement_id = ? and charter_version = ?")
                .params(engagementId, version).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("charter version", engagementId + "/" + version));
    }

    /** Every version, newest first. */
    public List<Charter> versions(long engagementId) {
        engagements.get(engagementId);
        return jdbc.sql("select * from charters where engagement_id = ? order by charter_version desc")
                .param(engagementId).query(this::row).list();
    }

    /** The current exit criteria of every engagement in the given ids, for evaluation. */
    public List<ExitCriterion> criteria(long engagementId) {
        return jdbc.sql("select definition from exit_criteria where engagement_id = ? order by position")
                .param(engagementId).query((rs, n) -> CriteriaReader.restore(Json.read(rs.getString(1), MAP))).list();
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Transactional
    public Charter save(long engagementId, CharterDraft draft) {
        Engagement e = engagements.get(engagementId);
        access.requireEdit(e, "edit the charter");
        if (e.state().terminal()) {
            throw new ConflictException("the engagement is " + e.state().label() + "; its charter can no longer change");
        }
        Optional<Charter> before = current(engagementId);
        int currentVersion = before.map(Charter::version).orElse(0);
        if (draft.version() == null) {
            throw new InvalidInputException("version", "send the charter version you edited (0 for the first)");
        }
        if (draft.version() != currentVersion) {
            throw new StaleVersionException(TYPE, String.valueOf(engagementId), draft.version(), currentVersion);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String background = text(problems, "background", draft.background());
        String goal = text(problems, "goal", draft.goal());
        String value = text(problems, "customerValue", draft.customerValue());
        String intent = text(problems, "commandersIntent", draft.commandersIntent());
        List<String> in = list(problems, "inScope", draft.inScope());
        List<String> out = list(problems, "outOfScope", draft.outOfScope());
        List<String> contacts = list(problems, "contacts", draft.contacts());
        String sync = orDefault(text(problems, "syncCadence", draft.syncCadence()), Charter.DEFAULT_SYNC);
        String feedback = orDefault(text(problems, "feedbackCadence", draft.feedbackCadence()), Charter.DEFAULT_FEEDBACK);
        int hold = Charter.DEFAULT_HOLD_DAYS;
        if (draft.holdDays() != null) {
            if (draft.holdDays() < 0 || draft.holdDays() > 365) {
                problems.add(new FieldProblem("holdDays", "between 0 and 365 days"));
            } else {
                hold = draft.holdDays();
            }
        }
        List<ExitCriterion> exit = criteria.read(e, draft.exitCriteria(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int version = currentVersion + 1;
        Charter charter = new Charter(engagementId, version, background, goal, value, intent, in, out, sync, feedback,
                contacts, hold, exit, e.state().started(), Actor.current().username(), Instant.now());
        jdbc.sql("insert into charters (engagement_id, charter_version, document, after_start, saved_by, saved_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(engagementId, version, Json.write(document(charter)), charter.afterStart(), charter.savedBy(),
                        Timestamp.from(charter.savedAt()))
                .update();
        jdbc.sql("delete from exit_criteria where engagement_id = ?").param(engagementId).update();
        for (int i = 0; i < exit.size(); i++) {
            ExitCriterion c = exit.get(i);
            jdbc.sql("insert into exit_criteria (engagement_id, criterion_key, kind, definition, position) values (?, ?, ?, ?, ?)")
                    .params(engagementId, c.key(), c.kind(), Json.write(c.toMap()), i).update();
        }
        audit.record(before.isEmpty() ? "create" : "update", TYPE, Engagements.label(e),
                "charter version " + version + (charter.afterStart() ? " (after the start)" : ""),
                before.orElse(null), charter);
        return charter;
    }

    private static Map<String, Object> document(Charter c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("background", c.background());
        d.put("goal", c.goal());
        d.put("customerValue", c.customerValue());
        d.put("commandersIntent", c.commandersIntent());
        d.put("inScope", c.inScope());
        d.put("outOfScope", c.outOfScope());
        d.put("syncCadence", c.syncCadence());
        d.put("feedbackCadence", c.feedbackCadence());
        d.put("contacts", c.contacts());
        d.put("holdDays", c.holdDays());
        d.put("exitCriteria", c.exitCriteria().stream().map(ExitCriterion::toMap).toList());
        return d;
    }

    @SuppressWarnings("unchecked")
    private Charter row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Map<String, Object> d = Json.read(rs.getString("document"), MAP);
        List<ExitCriterion> exit = ((List<Map<String, Object>>) d.getOrDefault("exitCriteria", List.of())).stream()
                .map(CriteriaReader::restore).toList();
        Timestamp saved = rs.getTimestamp("saved_at");
        return new Charter(rs.getLong("engagement_id"), rs.getInt("charter_version"), (String) d.get("background"),
                (String) d.get("goal"), (String) d.get("customerValue"), (String) d.get("commandersIntent"),
                strings(d.get("inScope")), strings(d.get("outOfScope")), (String) d.get("syncCadence"),
                (String) d.get("feedbackCadence"), strings(d.get("contacts")),
                ((Number) d.getOrDefault("holdDays", Charter.DEFAULT_HOLD_DAYS)).intValue(), exit,
                rs.getBoolean("after_start"), rs.getString("saved_by"), saved.toInstant());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    private static String orDefault(String s, String fallback) {
        return s == null ? fallback : s;
    }

    private static String text(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "at most " + MAX_TEXT + " characters"));
        }
        return value.trim();
    }

    private static List<String> list(List<FieldProblem> problems, String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
        if (out.size() > MAX_LIST) {
            problems.add(new FieldProblem(field, "at most " + MAX_LIST + " entries"));
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).length() > 500) {
                problems.add(new FieldProblem(field + "[" + i + "]", "at most 500 characters"));
            }
        }
        return out;
    }
}
