package dev.tandem.engagement.internal;

import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Relationship;
import dev.tandem.engagement.Transition;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Row mapping for engagements: the row, then its services and SREs in one query each for a whole page. */
public final class EngagementRows {

    public static final String SELECT = "select e.*, t.name team_name from engagements e join teams t on t.id = e.team_id";

    public static final RowMapper<Transition> TRANSITION = (rs, n) -> new Transition(
            rs.getString("from_state") == null ? null : EngagementState.valueOf(rs.getString("from_state")),
            EngagementState.valueOf(rs.getString("to_state")), rs.getString("actor"), rs.getString("reason"),
            instant(rs, "occurred_at"));

    private EngagementRows() {
    }

    /** Loads the engagements the SQL selects (which must select {@link #SELECT}'s columns), in its order. */
    public static List<Engagement> load(JdbcClient jdbc, String sql, List<?> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query(EngagementRows::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        Map<Long, List<String>> services = new HashMap<>();
        jdbc.sql("select es.engagement_id, s.name from engagement_services es join services s on s.id = es.service_id "
                        + "where es.engagement_id in (" + in + ") order by s.name")
                .params(ids).query((rs, n) -> services.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2))).list();
        Map<Long, List<Engagement.EmbeddedSre>> sres = new HashMap<>();
        jdbc.sql("select es.engagement_id, p.name, p.display_name, es.share_percent from engagement_sres es "
                        + "join people p on p.id = es.person_id where es.engagement_id in (" + in + ") order by p.name")
                .params(ids).query((rs, n) -> sres.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Engagement.EmbeddedSre(rs.getString(2), rs.getString(3), rs.getInt(4)))).list();
        List<Engagement> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Engagement(r.id, r.team, r.title, r.state, r.intake,
                    services.getOrDefault(r.id, List.of()), sres.getOrDefault(r.id, List.of()), r.decisionReason,
                    r.plannedStart, r.plannedEnd, r.startedAt, r.endedAt, r.createdBy, r.createdAt, r.updatedAt, r.version));
        }
        return out;
    }

    private record Row(long id, String team, String title, EngagementState state, Engagement.Intake intake,
                       String decisionReason, LocalDate plannedStart, LocalDate plannedEnd, Instant startedAt,
                       Instant endedAt, String createdBy, Instant createdAt, Instant updatedAt, int version) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Engagement.Intake intake = new Engagement.Intake(rs.getString("pain"), rs.getInt("incidents"),
                rs.getInt("slo_misses"), rs.getInt("toil_percent"), date(rs, "upcoming_launch"), rs.getString("hopes"),
                rs.getInt("willingness"), rs.getInt("motivation"), Relationship.valueOf(rs.getString("relationship")),
                rs.getInt("risk"));
        return new Row(rs.getLong("id"), rs.getString("team_name"), rs.getString("title"),
                EngagementState.valueOf(rs.getString("state")), intake, rs.getString("decision_reason"),
                date(rs, "planned_start"), date(rs, "planned_end"), instant(rs, "started_at"), instant(rs, "ended_at"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    public static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
