package dev.tandem.slo.internal;

import dev.tandem.slo.BudgetState;
import dev.tandem.slo.ErrorBudgetStateChanged;
import dev.tandem.slo.Slo;
import dev.tandem.slo.SloReport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The last evaluated state of each SLO (table {@code slo_states}): the remaining budget the list sorts by,
 * the budget-policy state, the data state and when data was last fresh. A state change is written with a
 * compare-and-set on the previous state, so across replicas and restarts exactly one evaluation publishes
 * {@link ErrorBudgetStateChanged} for it. An SLO's first evaluation publishes only when it does not start
 * healthy.
 */
@Component
public class SloStates {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SloStates(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<BudgetState> state(long sloId) {
        return jdbc.sql("select budget_state from slo_states where slo_id = ?").param(sloId).query(String.class)
                .optional().map(BudgetState::valueOf);
    }

    public Optional<Instant> freshAt(long sloId) {
        return jdbc.sql("select fresh_at from slo_states where slo_id = ?").param(sloId)
                .query((rs, n) -> rs.getTimestamp("fresh_at")).optional().filter(t -> t != null).map(Timestamp::toInstant);
    }

    public void record(Slo slo, SloReport report, Instant now) {
        BudgetState to = report.policy().state();
        Timestamp at = Timestamp.from(now);
        Optional<BudgetState> from = state(slo.id());
        if (from.isEmpty()) {
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
        if (from.get() == to) {
            jdbc.sql("update slo_states set budget_remaining = ?, sli = ?, data_state = ?, evaluated_at = ?, fresh_at = ? where slo_id = ?")
                    .params(report.errorBudget().remaining(), report.sli(), report.dataState(), at, at, slo.id()).update();
            return;
        }
        int changed = jdbc.sql("""
                update slo_states set budget_state = ?, budget_remaining = ?, sli = ?, data_state = ?, evaluated_at = ?,
                  fresh_at = ?, changed_at = ? where slo_id = ? and budget_state = ?""")
                .params(to.name(), report.errorBudget().remaining(), report.sli(), report.dataState(), at, at, at, slo.id(),
                        from.get().name())
                .update();
        if (changed == 1) {
            publish(slo, from.get(), to, report, now);
        }
    }

    public void markStale(long sloId, Instant now) {
        jdbc.sql("update slo_states set data_state = 'STALE', evaluated_at = ? where slo_id = ?")
                .params(Timestamp.from(now), sloId).update();
    }

    private void publish(Slo slo, BudgetState from, BudgetState to, SloReport report, Instant now) {
        events.publishEvent(new ErrorBudgetStateChanged(slo.name(), slo.service(), from, to,
                report.errorBudget().remaining(), now));
    }
}
