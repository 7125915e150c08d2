package dev.tandem.slo.internal;

import dev.tandem.slo.BudgetState;
import dev.tandem.slo.DataState;
import dev.tandem.slo.ErrorBudgetStateChanged;
import dev.tandem.slo.Slo;
import dev.tandem.slo.SloReport;
import dev.tandem.slo.SlosChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last evaluated state of each SLO (table {@code slo_states}): the remaining budget the list sorts by,
 * the budget-policy state, the data state, why it is not OK, and when data was last fresh. A state change
 * is written with a compare-and-set on the previous state, so across replicas and restarts exactly one
 * evaluation publishes {@link ErrorBudgetStateChanged} for it. An SLO's first evaluation with data publishes
 * only when it does not start healthy.
 *
 * <p>STALE and QUERY_REJECTED leave the budget as it was. A refused query is recorded even before any
 * evaluation had data (with an untouched budget and no fresh time), so that the list shows it; entering or
 * leaving QUERY_REJECTED publishes {@link SlosChanged}, since the readiness fact {@code slo.queries-accepted}
 * depends on it.
 */
@Component
public class SloStates {

    private static final int MAX_REASON = 1000;

    private static final String UPDATE_FIGURES = """
            update slo_states set budget_remaining = ?, sli = ?, data_state = ?, data_reason = null, evaluated_at = ?,
              fresh_at = ? where slo_id = ? and budget_state = ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;

    SloStates(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
    }

    /**
     * A run over many SLOs (the scheduled evaluation): every state row is read in one query, and evaluations
     * that leave the budget state as it was are written in one batch when the run closes. On PostgreSQL that
     * saves two round trips per SLO. Changes of state are still written (compare-and-set) and published at once.
     */
    public final class Run implements AutoCloseable {
        private final Map<Long, Row> rows = new HashMap<>();
        private final List<Object[]> unchanged = new ArrayList<>();

        private Run() {
            jdbc.sql("select slo_id, budget_state, data_state, data_reason, fresh_at from slo_states")
                    .query(rs -> {
                        rows.put(rs.getLong("slo_id"), row(rs));
                    });
        }

        public void record(Slo slo, SloReport report, Instant now) {
            SloStates.this.record(slo, report, now, Optional.ofNullable(rows.get(slo.id())), unchanged);
        }

        @Override
        public void close() {
            if (!unchanged.isEmpty()) {
                batch.batchUpdate(UPDATE_FIGURES, unchanged);
                unchanged.clear();
            }
        }
    }

    public Run run() {
        return new Run();
    }

    private record Row(BudgetState budget, String dataState, String reason, Instant freshAt) {
    }

    private Optional<Row> row(long sloId) {
        return jdbc.sql("select budget_state, data_state, data_reason, fresh_at from slo_states where slo_id = ?").param(sloId)
                .query((rs, n) -> row(rs)).optional();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp fresh = rs.getTimestamp("fresh_at");
        return new Row(BudgetState.valueOf(rs.getString("budget_state")), rs.getString("data_state"),
                rs.getString("data_reason"), fresh == null ? null : fresh.toInstant());
    }

    /**
     * Forgets the SLO's figures after its definition changed in a way that changes them (indicator, objective,
     * window, budgeting method, tiers, source): the old budget belongs to the old definition. The next
     * evaluation starts afresh, as for a new SLO.
     */
    public void forget(long sloId) {
        jdbc.sql("delete from slo_states where slo_id = ?").params(sloId).update();
    }

    public Optional<BudgetState> state(long sloId) {
        return row(sloId).map(Row::budget);
    }

    public Optional<Instant> freshAt(long sloId) {
        return row(sloId).map(Row::freshAt);
    }

    public void record(Slo slo, SloReport report, Instant now) {
        record(slo, report, now, row(slo.id()), null);
    }

    /** With {@code unchanged} not null, an evaluation that keeps the budget state is queued there instead of written. */
    private void record(Slo slo, SloReport report, Instant now, Optional<Row> before, List<Object[]> unchanged) {
        BudgetState to = report.policy().state();
        Timestamp at = Timestamp.from(now);
        if (before.isEmpty()) {
            try {
                jdbc.sql("""
                        insert into slo_states (slo_id, budget_state, budget_remaining, sli, data_state, evaluated_at, fresh_at, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(slo.id(), to.name(), report.errorBudget().remaining(), report.sli(), report.dataState(), at, at, at)
                        .update();
            } catch (DataIntegrityViolationException concurrent) {
                record(slo, report, now); // another evaluation inserted first: compare with its state
                return;
            }
            if (to != BudgetState.HEALTHY) {
                publish(slo, null, to, report, now);
            }
            return;
        }
        Row from = before.get();
        recordChange(slo, report, now, from, unchanged);
        if (SloReport.QUERY_REJECTED.equals(from.dataState())) {
            events.publishEvent(new SlosChanged(slo.service())); // accepted again: the readiness fact changes
        }
    }

    private void recordChange(Slo slo, SloReport report, Instant now, Row from, List<Object[]> unchanged) {
        BudgetState to = report.policy().state();
        Timestamp at = Timestamp.from(now);
        // a row without a fresh time was written by a refused query: this is the first evaluation with data
        boolean first = from.freshAt() == null;
        if (from.budget() == to) {
            // only if the state is still the one read: a change written meanwhile is not overwritten with older figures
            Object[] params = {report.errorBudget().remaining(), report.sli(), report.dataState(), at, at, slo.id(), to.name()};
            if (unchanged != null && !SloReport.QUERY_REJECTED.equals(from.dataState())) {
                unchanged.add(params); // (a query accepted again is written now: the readiness facts read it at once)
            } else {
                jdbc.sql(UPDATE_FIGURES).params(params).update();
            }
            return;
        }
        int changed = jdbc.sql("""
                update slo_states set budget_state = ?, budget_remaining = ?, sli = ?, data_state = ?, data_reason = null,
                  evaluated_at = ?, fresh_at = ?, changed_at = ? where slo_id = ? and budget_state = ?""")
                .params(to.name(), report.errorBudget().remaining(), report.sli(), report.dataState(), at, at, at, slo.id(),
                        from.budget().name())
                .update();
        if (changed == 1) {
            publish(slo, first ? null : from.budget(), to, report, now);
        }
    }

    /**
     * The source did not answer: the figures, budget state and fresh time stay; the reason is kept for the list.
     * An SLO with no figures yet (new, or redefined) is listed as stale with an untouched budget.
     */
    public void markStale(Slo slo, Instant now, String reason) {
        mark(slo, now, reason, SloReport.STALE);
    }

    /**
     * The SLO cannot be evaluated as it is configured (no Prometheus address; more points than one evaluation
     * may fetch): the figures and the budget state stay (an untouched budget if there never was data); the
     * reason is kept for the list, which would otherwise say "not evaluated" for ever.
     */
    public void markNoData(Slo slo, Instant now, String reason) {
        mark(slo, now, reason, DataState.NO_DATA.name());
    }

    /**
     * Prometheus refused a query: the budget state stays as it was (an untouched budget if there never was
     * data); the reason is kept for the list and the readiness facts.
     */
    public void markRejected(Slo slo, Instant now, String reason) {
        mark(slo, now, reason, SloReport.QUERY_REJECTED);
    }

    /**
     * Records a data state without figures: on the existing row, keeping its figures and budget state, or on a
     * new row with an untouched budget. Entering or leaving QUERY_REJECTED (or a new refusal message) publishes
     * {@link SlosChanged}, since the readiness fact {@code slo.queries-accepted} follows it.
     */
    private void mark(Slo slo, Instant now, String reason, String dataState) {
        Timestamp at = Timestamp.from(now);
        String text = clip(reason);
        boolean rejected = SloReport.QUERY_REJECTED.equals(dataState);
        Optional<Row> before = row(slo.id());
        if (before.isEmpty()) {
            try {
                jdbc.sql("""
                        insert into slo_states (slo_id, budget_state, budget_remaining, sli, data_state, data_reason, evaluated_at, fresh_at, changed_at)
                        values (?, ?, 1, null, ?, ?, ?, null, ?)""")
                        .params(slo.id(), BudgetState.HEALTHY.name(), dataState, text, at, at).update();
            } catch (DataIntegrityViolationException concurrent) {
                mark(slo, now, reason, dataState);
                return;
            }
            if (rejected) {
                events.publishEvent(new SlosChanged(slo.service()));
            }
            return;
        }
        jdbc.sql("update slo_states set data_state = ?, data_reason = ?, evaluated_at = ? where slo_id = ?")
                .params(dataState, text, at, slo.id()).update();
        Row from = before.get();
        boolean wasRejected = SloReport.QUERY_REJECTED.equals(from.dataState());
        if (wasRejected != rejected || (rejected && !Objects.equals(from.reason(), text))) {
            events.publishEvent(new SlosChanged(slo.service()));
        }
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    private void publish(Slo slo, BudgetState from, BudgetState to, SloReport report, Instant now) {
        events.publishEvent(new ErrorBudgetStateChanged(slo.name(), slo.service(), from, to,
                report.errorBudget().remaining(), now));
    }
}
