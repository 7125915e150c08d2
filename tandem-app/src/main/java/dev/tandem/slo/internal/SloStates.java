package dev.tandem.slo.internal;

import dev.tandem.slo.BudgetState;
import dev.tandem.slo.ErrorBudgetStateChanged;
import dev.tandem.slo.Slo;
import dev.tandem.slo.SloReport;
import dev.tandem.slo.SlosChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
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

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SloStates(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Row(BudgetState budget, String dataState, String reason, Instant freshAt) {
    }

    private Optional<Row> row(long sloId) {
        return jdbc.sql("select budget_state, data_state, data_reason, fresh_at from slo_states where slo_id = ?").param(sloId)
                .query((rs, n) -> new Row(BudgetState.valueOf(rs.getString("budget_state")), rs.getString("data_state"),
                        rs.getString("data_reason"), rs.getTimestamp("fresh_at") == null ? null : rs.getTimestamp("fresh_at").toInstant()))
                .optional();
    }

    public Optional<BudgetState> state(long sloId) {
        return row(sloId).map(Row::budget);
    }

    public Optional<Instant> freshAt(long sloId) {
        return row(sloId).map(Row::freshAt);
    }

    public void record(Slo slo, SloReport report, Instant now) {
        BudgetState to = report.policy().state();
        Timestamp at = Timestamp.from(now);
        Optional<Row> before = row(slo.id());
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
        recordChange(slo, report, now, from);
        if (SloReport.QUERY_REJECTED.equals(from.dataState())) {
            events.publishEvent(new SlosChanged(slo.service())); // accepted again: the readiness fact changes
        }
    }

    private void recordChange(Slo slo, SloReport report, Instant now, Row from) {
        BudgetState to = report.policy().state();
        Timestamp at = Timestamp.from(now);
        // a row without a fresh time was written by a refused query: this is the first evaluation with data
        boolean first = from.freshAt() == null;
        if (from.budget() == to) {
            jdbc.sql("""
                    update slo_states set budget_remaining = ?, sli = ?, data_state = ?, data_reason = null, evaluated_at = ?,
                      fresh_at = ? where slo_id = ?""")
                    .params(report.errorBudget().remaining(), report.sli(), report.dataState(), at, at, slo.id()).update();
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

    /** The source did not answer: the figures, budget state and fresh time stay; the reason is kept for the list. */
    public void markStale(Slo slo, Instant now, String reason) {
        Optional<Row> before = row(slo.id());
        jdbc.sql("update slo_states set data_state = ?, data_reason = ?, evaluated_at = ? where slo_id = ?")
                .params(SloReport.STALE, clip(reason), Timestamp.from(now), slo.id()).update();
        if (before.isPresent() && SloReport.QUERY_REJECTED.equals(before.get().dataState())) {
            events.publishEvent(new SlosChanged(slo.service()));
        }
    }

    /**
     * Prometheus refused a query: the budget state stays as it was (an untouched budget if there never was
     * data); the reason is kept for the list and the readiness facts.
     */
    public void markRejected(Slo slo, Instant now, String reason) {
        Timestamp at = Timestamp.from(now);
        String text = clip(reason);
        Optional<Row> before = row(slo.id());
        if (before.isEmpty()) {
            try {
                jdbc.sql("""
                        insert into slo_states (slo_id, budget_state, budget_remaining, sli, data_state, data_reason, evaluated_at, fresh_at, changed_at)
                        values (?, ?, 1, null, ?, ?, ?, null, ?)""")
                        .params(slo.id(), BudgetState.HEALTHY.name(), SloReport.QUERY_REJECTED, text, at, at).update();
            } catch (DataIntegrityViolationException concurrent) {
                markRejected(slo, now, reason);
                return;
            }
            events.publishEvent(new SlosChanged(slo.service()));
            return;
        }
        jdbc.sql("update slo_states set data_state = ?, data_reason = ?, evaluated_at = ? where slo_id = ?")
                .params(SloReport.QUERY_REJECTED, text, at, slo.id()).update();
        Row from = before.get();
        if (!SloReport.QUERY_REJECTED.equals(from.dataState()) || !Objects.equals(from.reason(), text)) {
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
