package dev.tandem.slo.internal;

import dev.tandem.shared.Json;
import dev.tandem.slo.BudgetPolicy;
import dev.tandem.slo.BudgetState;
import dev.tandem.slo.BudgetingMethod;
import dev.tandem.slo.Slo;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloSummary;
import dev.tandem.slo.TimeWindow;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The SQL shapes of the SLO tables. */
public final class SloRows {

    public static final String FROM = " from slos o join services s on s.id = o.service_id join teams t on t.id = s.owner_team_id"
            + " left join slo_states st on st.slo_id = o.id";

    public static final String COLUMNS = "o.*, s.name service_name, t.name team_name, st.budget_state, st.budget_remaining,"
            + " st.sli, st.data_state, st.data_reason, st.evaluated_at";

    public static final RowMapper<Slo> SLO = (rs, n) -> {
        SloDefinition d = SloDocuments.definition(rs.getString("digest"), rs.getString("document"));
        return new Slo(rs.getLong("id"), rs.getString("name"), d.displayName(), d.description(),
                rs.getString("service_name"), rs.getString("team_name"), rs.getString("owner"), rs.getDouble("target"),
                method(d.budgetingMethod()), window(d.timeWindow()), rs.getString("source_kind"), rs.getString("source_url"),
                policy(rs.getString("policy_json")), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getInt("version"), d, rs.getString("document"));
    };

    public static final RowMapper<SloSummary> SUMMARY = (rs, n) -> new SloSummary(rs.getString("name"),
            rs.getString("display_name"), rs.getString("service_name"), rs.getString("team_name"), rs.getString("owner"),
            rs.getDouble("target"), rs.getString("source_kind"), nullableDouble(rs, "budget_remaining"),
            rs.getString("budget_state") == null ? null : BudgetState.valueOf(rs.getString("budget_state")),
            rs.getString("data_state"), rs.getString("data_reason"), nullableDouble(rs, "sli"), instant(rs, "evaluated_at"), rs.getInt("version"));

    private SloRows() {
    }

    static String method(BudgetingMethod m) {
        if (m instanceof BudgetingMethod.Timeslices t) {
            return "Timeslices (" + t.sliceWindow() + " slices, each good at " + t.sliceTarget() + ")";
        }
        if (m instanceof BudgetingMethod.RatioTimeslices r) {
            return "RatioTimeslices (" + r.sliceWindow() + " slices)";
        }
        return "Occurrences";
    }

    static String window(TimeWindow w) {
        if (w instanceof TimeWindow.Calendar c) {
            return c.duration() + " calendar (" + c.timeZone() + ")";
        }
        return w.duration() + " rolling";
    }

    public static BudgetPolicy policy(String json) {
        return json == null || json.isBlank() ? null : Json.read(json, BudgetPolicy.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
