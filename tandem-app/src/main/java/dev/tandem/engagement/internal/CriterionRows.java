package dev.tandem.engagement.internal;

import dev.tandem.engagement.CriterionState;
import dev.tandem.engagement.CriterionStatus;
import dev.tandem.engagement.ExitReadiness;
import dev.tandem.engagement.ManualRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored side of exit criteria: current statuses, the daily trend, manual records, the last stage. */
@Component
public class CriterionRows {

    private final JdbcClient jdbc;

    CriterionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A criterion's stored status, without its description (that comes from the charter). */
    public record Stored(String key, CriterionState state, String detail, Double progress, boolean stale, Instant since,
                         Instant evaluatedAt) {
    }

    public Map<String, Stored> statuses(long engagementId) {
        Map<String, Stored> out = new LinkedHashMap<>();
        jdbc.sql("select * from criterion_status where engagement_id = ?").param(engagementId).query(rs -> {
            double p = rs.getDouble("progress");
            Double progress = rs.wasNull() ? null : p;
            out.put(rs.getString("criterion_key"), new Stored(rs.getString("criterion_key"),
                    CriterionState.valueOf(rs.getString("state")), rs.getString("detail"), progress,
                    rs.getBoolean("stale"), rs.getTimestamp("since").toInstant(), rs.getTimestamp("evaluated_at").toInstant()));
        });
        return out;
    }

    public void save(long engagementId, Stored s) {
        int n = jdbc.sql("update criterion_status set state = ?, detail = ?, progress = ?, stale = ?, since = ?, evaluated_at = ? "
                        + "where engagement_id = ? and criterion_key = ?")
                .params(s.state().name(), clip(s.detail()), s.progress(), s.stale(), Timestamp.from(s.since()),
                        Timestamp.from(s.evaluatedAt()), engagementId, s.key())
                .update();
        if (n == 0) {
            jdbc.sql("insert into criterion_status (engagement_id, criterion_key, state, detail, progress, stale, since, evaluated_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(engagementId, s.key(), s.state().name(), clip(s.detail()), s.progress(), s.stale(),
                            Timestamp.from(s.since()), Timestamp.from(s.evaluatedAt()))
                    .update();
        }
    }

    /** The day's last status: written over by every evaluation of that day. */
    public void day(long engagementId, String key, LocalDate day, CriterionState state) {
        int n = jdbc.sql("update criterion_days set state = ? where engagement_id = ? and criterion_key = ? and status_day = ?")
                .params(state.name(), engagementId, key, Date.valueOf(day)).update();
        if (n == 0) {
            jdbc.sql("insert into criterion_days (engagement_id, criterion_key, status_day, state) values (?, ?, ?, ?)")
                    .params(engagementId, key, Date.valueOf(day), state.name()).update();
        }
    }

    /** Statuses of criteria no longer in the charter go; their daily history stays, should they come back. */
    public void keepOnly(long engagementId, Collection<String> keys) {
        for (String key : statuses(engagementId).keySet()) {
            if (!keys.contains(key)) {
                jdbc.sql("delete from criterion_status where engagement_id = ? and criterion_key = ?").params(engagementId, key).update();
            }
        }
    }

    /** Every criterion's days from {@code from} on, oldest first. */
    public Map<String, List<CriterionStatus.Day>> days(long engagementId, LocalDate from) {
        Map<String, List<CriterionStatus.Day>> out = new LinkedHashMap<>();
        jdbc.sql("select criterion_key, status_day, state from criterion_days where engagement_id = ? and status_day >= ? "
                        + "order by status_day")
                .params(engagementId, Date.valueOf(from))
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CriterionStatus.Day(
                            rs.getDate(2).toLocalDate(), CriterionState.valueOf(rs.getString(3))));
                });
        return out;
    }

    public Optional<ManualRecord> latestManual(long engagementId, String key) {
        return jdbc.sql("select * from manual_criterion_records where engagement_id = ? and criterion_key = ? order by id desc limit 1")
                .params(engagementId, key).query(CriterionRows::manual).optional();
    }

    public List<ManualRecord> manualRecords(long engagementId, String key) {
        return jdbc.sql("select * from manual_criterion_records where engagement_id = ? and criterion_key = ? order by id desc")
                .params(engagementId, key).query(CriterionRows::manual).list();
    }

    public ManualRecord addManual(long engagementId, String key, boolean met, String evidence, String url, String by, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into manual_criterion_records (engagement_id, criterion_key, met, evidence, url, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(engagementId, key, met, evidence, url, by, Timestamp.from(at)).update(keys, "id");
        return new ManualRecord(keys.getKeyAs(Number.class).longValue(), key, met, evidence, url, by, at);
    }

    private static ManualRecord manual(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ManualRecord(rs.getLong("id"), rs.getString("criterion_key"), rs.getBoolean("met"), rs.getString("evidence"),
                rs.getString("url"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    public record Stage(ExitReadiness.Stage stage, boolean needsDecision) {
    }

    public Optional<Stage> stage(long engagementId) {
        return jdbc.sql("select stage, needs_decision from exit_readiness where engagement_id = ?").param(engagementId)
                .query((rs, n) -> new Stage(ExitReadiness.Stage.valueOf(rs.getString(1)), rs.getBoolean(2))).optional();
    }

    public void saveStage(long engagementId, Stage stage, Instant at) {
        int n = jdbc.sql("update exit_readiness set stage = ?, needs_decision = ?, changed_at = ? where engagement_id = ?")
                .params(stage.stage().name(), stage.needsDecision(), Timestamp.from(at), engagementId).update();
        if (n == 0) {
            jdbc.sql("insert into exit_readiness (engagement_id, stage, needs_decision, changed_at) values (?, ?, ?, ?)")
                    .params(engagementId, stage.stage().name(), stage.needsDecision(), Timestamp.from(at)).update();
        }
    }

    /** Running engagements (accepted or under way) with the service in scope. */
    public List<Long> committedWithService(String service, Collection<String> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct e.id from engagements e join engagement_services es on es.engagement_id = e.id "
                        + "join services s on s.id = es.service_id where s.name = ? and e.state in ("
                        + String.join(",", java.util.Collections.nCopies(states.size(), "?")) + ") order by e.id")
                .params(merge(service, states)).query(Long.class).list();
    }

    private static List<Object> merge(String first, Collection<String> rest) {
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
