package dev.tandem.engagement.internal;

import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.EngagementStateChanged;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.ExitCriteria;
import dev.tandem.engagement.MaturityAssessed;
import dev.tandem.readiness.FactsChanged;
import dev.tandem.readiness.ReviewChanged;
import dev.tandem.shared.Actor;
import dev.tandem.slo.ErrorBudgetStateChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When exit criteria are evaluated: on a schedule, and when a signal they read changes. Events are
 * handled once their transaction has committed, so the new data is visible; a failed evaluation is
 * logged and never fails the change that triggered it.
 */
@Component
class EvaluationTriggers {

    private static final Logger log = LoggerFactory.getLogger(EvaluationTriggers.class);

    private final ExitCriteria criteria;
    private final Engagements engagements;
    private final CriterionRows rows;

    EvaluationTriggers(ExitCriteria criteria, Engagements engagements, CriterionRows rows) {
        this.criteria = criteria;
        this.engagements = engagements;
        this.rows = rows;
    }

    static Set<EngagementState> committedStates() {
        Set<EngagementState> states = EnumSet.noneOf(EngagementState.class);
        for (EngagementState s : EngagementState.values()) {
            if (s.committed()) {
                states.add(s);
            }
        }
        return states;
    }

    @Scheduled(initialDelayString = "${tandem.engagements.evaluate-delay:PT1M}",
            fixedDelayString = "${tandem.engagements.evaluate-interval:PT10M}")
    void evaluateAll() {
        List<Long> ids = Actor.runAs(Actor.system(), () -> engagements.inStates(committedStates()).stream()
                .map(e -> e.id()).toList());
        ids.forEach(this::safely);
    }

    private void safely(long engagementId) {
        try {
            Actor.runAs(Actor.system(), () -> criteria.evaluate(engagementId));
        } catch (RuntimeException ex) {
            log.warn("evaluating the exit criteria of engagement {} failed: {}", engagementId, ex.toString());
        }
    }

    private void forService(String service) {
        try {
            for (Long id : rows.committedWithService(service, committedStates().stream().map(Enum::name).toList())) {
                safely(id);
            }
        } catch (RuntimeException ex) {
            log.warn("evaluating the engagements of service {} failed: {}", service, ex.toString());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ErrorBudgetStateChanged event) {
        forService(event.service());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReviewChanged event) {
        forService(event.service());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(FactsChanged event) {
        forService(event.serviceName());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MaturityAssessed event) {
        safely(event.engagementId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EngagementStateChanged event) {
        if (event.to().committed()) {
            safely(event.engagementId());
        }
    }
}
