package dev.tandem.engagement.internal;

import dev.tandem.engagement.Assessments;
import dev.tandem.engagement.ExitCriterion;
import dev.tandem.readiness.Readiness;
import dev.tandem.readiness.Reviews;
import dev.tandem.readiness.ScorecardStanding;
import dev.tandem.shared.NotFoundException;
import dev.tandem.slo.SloMonitor;
import dev.tandem.slo.SloSummary;
import dev.tandem.slo.Slos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fetches the signal each kind of criterion reads, from the readiness and SLO modules' APIs and the
 * engagement's own assessments and manual records, and hands it to that kind's rule in {@link Evaluators}.
 */
@Component
public class CriterionEvaluation {

    private static final Logger log = LoggerFactory.getLogger(CriterionEvaluation.class);

    private final Readiness readiness;
    private final Reviews reviews;
    private final Slos slos;
    private final SloMonitor monitor;
    private final Assessments assessments;
    private final CriterionRows rows;

    CriterionEvaluation(Readiness readiness, Reviews reviews, Slos slos, SloMonitor monitor, Assessments assessments,
                        CriterionRows rows) {
        this.readiness = readiness;
        this.reviews = reviews;
        this.slos = slos;
        this.monitor = monitor;
        this.assessments = assessments;
        this.rows = rows;
    }

    public Outcome evaluate(long engagementId, ExitCriterion c, Instant now) {
        try {
            if (c instanceof ExitCriterion.ScorecardLevel s) {
                return Evaluators.scorecard(s, standing(s));
            }
            if (c instanceof ExitCriterion.ReviewApproved r) {
                return Evaluators.review(r, reviews.lastApproved(r.service()));
            }
            if (c instanceof ExitCriterion.SloAttainment a) {
                return Evaluators.sloAttainment(a, monitor.sli(a.slo(), Duration.ofDays(a.days()), now));
            }
            if (c instanceof ExitCriterion.BudgetNotExhausted b) {
                return Evaluators.budget(b, summary(b.slo()));
            }
            if (c instanceof ExitCriterion.MaturityScore m) {
                return Evaluators.maturity(m, assessments.latest(engagementId));
            }
            if (c instanceof ExitCriterion.Manual m) {
                return Evaluators.manual(m, rows.latestManual(engagementId, m.key()));
            }
            return Outcome.noData("no evaluator for criteria of kind " + c.kind());
        } catch (NotFoundException e) {
            return Outcome.noData(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("evaluating exit criterion {} of engagement {} failed: {}", c.key(), engagementId, e.toString());
            return Outcome.stale("the evaluation failed: " + e.getMessage());
        }
    }

    private Optional<ScorecardStanding> standing(ExitCriterion.ScorecardLevel s) {
        return readiness.of(s.service()).scorecards().stream().filter(x -> x.scorecard().equals(s.scorecard())).findFirst();
    }

    private Optional<SloSummary> summary(String name) {
        return slos.find(name).flatMap(slo -> slos.forService(slo.service()).stream()
                .filter(x -> x.name().equals(name)).findFirst());
    }
}
