package dev.tandem.engagement.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.engagement.Assessment;
import dev.tandem.engagement.ExitCriterion;
import dev.tandem.engagement.ManualRecord;
import dev.tandem.readiness.Review;
import dev.tandem.readiness.ScorecardStanding;
import dev.tandem.slo.BudgetState;
import dev.tandem.slo.SliWindow;
import dev.tandem.slo.SloReport;
import dev.tandem.slo.SloSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule of each kind of criterion, given the signal it reads: pure functions, so each can be tested
 * without a database. {@link CriterionEvaluation} fetches the signals.
 */
public final class Evaluators {

    private Evaluators() {
    }

    /** The service's level on the scorecard against the one required; levels are ordered, higher is better. */
    public static Outcome scorecard(ExitCriterion.ScorecardLevel c, Optional<ScorecardStanding> standing) {
        if (standing.isEmpty()) {
            return Outcome.noData("scorecard " + c.scorecard() + " does not rate " + c.service()
                    + " (it is gone, or its filter leaves the service out)");
        }
        ScorecardStanding s = standing.get();
        int required = s.levels().indexOf(c.level()) + 1;
        if (required == 0) {
            return Outcome.noData("scorecard " + c.scorecard() + " has no level " + c.level() + " any more");
        }
        String at = s.level() == null ? "has not reached any level" : "is at " + s.level();
        double progress = Math.min(1.0, (double) s.rank() / required);
        if (s.rank() >= required) {
            return Outcome.met(c.service() + " " + at + " on " + c.scorecard() + "; " + c.level() + " needed", progress);
        }
        String failing = s.nextLevelFailing().isEmpty() ? "" : " (failing for " + s.nextLevel() + ": "
                + String.join(", ", s.nextLevelFailing()) + ")";
        return Outcome.notMet(c.service() + " " + at + " on " + c.scorecard() + "; " + c.level() + " needed" + failing, progress);
    }

    /** The last approved review's level: A is the strictest, so a review approved at A satisfies "B". */
    public static Outcome review(ExitCriterion.ReviewApproved c, Optional<Review> lastApproved) {
        if (c.level() == null) {
            return Outcome.noData("the criterion names no readiness level");
        }
        if (lastApproved.isEmpty() || lastApproved.get().approvedLevel() == null) {
            return Outcome.notMet(c.service() + " has no approved readiness review; level " + c.level().name()
                    + " or stricter needed", 0.0);
        }
        ReadinessLevel approved = lastApproved.get().approvedLevel();
        String detail = c.service() + "'s review was approved at level " + approved.name()
                + (lastApproved.get().reviewer() == null ? "" : " by " + lastApproved.get().reviewer())
                + "; " + c.level().name() + " or stricter needed";
        return approved.ordinal() <= c.level().ordinal() ? Outcome.met(detail, 1.0) : Outcome.notMet(detail, 0.5);
    }

    /** The SLI from event counts over the last N days against the SLO's objective. */
    public static Outcome sloAttainment(ExitCriterion.SloAttainment c, SliWindow w) {
        if (SloReport.STALE.equals(w.dataState())) {
            return Outcome.stale("the SLI source of " + c.slo() + " did not answer" + (w.reason() == null ? "" : ": " + w.reason()));
        }
        if (SloReport.QUERY_REJECTED.equals(w.dataState())) {
            // the SLO's definition must change: waiting for the source to come back would not help
            return Outcome.noData("no SLI for " + c.slo() + ": " + w.reason());
        }
        if (!w.ok() || w.sli() == null) {
            return Outcome.noData(w.reason() != null && !w.ok() ? "no SLI for " + c.slo() + ": " + w.reason()
                    : "no events for " + c.slo() + " in the last " + days(c.days()));
        }
        String detail = "SLI of " + c.slo() + " over the last " + days(c.days()) + " is " + percent(w.sli())
                + " (" + w.good() + " good of " + w.total() + "); objective " + percent(w.objective());
        double progress = w.sli() >= w.objective() ? 1.0 : Math.max(0, 1 - (w.objective() - w.sli()) / (1 - w.objective() + 1e-12));
        return w.attained() ? Outcome.met(detail, 1.0) : Outcome.notMet(detail, Math.max(0, Math.min(1, progress)));
    }

    /** The budget policy's state as the SLO's last evaluation left it. */
    public static Outcome budget(ExitCriterion.BudgetNotExhausted c, Optional<SloSummary> slo) {
        if (slo.isEmpty()) {
            return Outcome.noData("SLO " + c.slo() + " is gone");
        }
        SloSummary s = slo.get();
        if (s.dataState() == null || s.budgetState() == null) {
            return Outcome.noData("SLO " + c.slo() + " has not been evaluated yet");
        }
        if (SloReport.STALE.equals(s.dataState())) {
            return Outcome.stale("the SLI source of " + c.slo() + " does not answer; last known budget "
                    + s.budgetState().label());
        }
        if (SloReport.QUERY_REJECTED.equals(s.dataState())) {
            return Outcome.noData("no budget figures for " + c.slo() + ": " + (s.dataReason() == null
                    ? "Prometheus refused a query" : s.dataReason()));
        }
        if (!"OK".equals(s.dataState())) {
            // a reason means the SLO cannot be evaluated as configured (no Prometheus address, …), not a quiet window
            return Outcome.noData(s.dataReason() == null ? "no events for " + c.slo() + " in its window"
                    : "no budget figures for " + c.slo() + ": " + s.dataReason());
        }
        String left = s.budgetRemaining() == null ? "" : ", " + percent(Math.max(0, s.budgetRemaining())) + " left";
        String detail = "the error budget of " + c.slo() + " is " + s.budgetState().label() + left;
        Double progress = s.budgetRemaining() == null ? null : Math.max(0, Math.min(1, s.budgetRemaining()));
        return s.budgetState() == BudgetState.EXHAUSTED ? Outcome.notMet(detail, 0.0) : Outcome.met(detail, progress);
    }

    /** The newest assessment's score in the area, or its average over all areas. */
    public static Outcome maturity(ExitCriterion.MaturityScore c, Optional<Assessment> newest) {
        if (newest.isEmpty()) {
            return Outcome.noData("no maturity assessment yet");
        }
        Assessment a = newest.get();
        Double score = c.area() == null ? Double.valueOf(a.average()) : a.score(c.area()).map(Double::valueOf).orElse(null);
        if (score == null) {
            return Outcome.noData("the newest assessment has no score for " + c.area().label());
        }
        String what = c.area() == null ? "the average score" : c.area().label();
        String detail = what + " is " + number(score) + " in the " + a.kind().label() + " assessment of " + a.date()
                + "; " + number(c.score()) + " needed";
        double progress = Math.min(1.0, score / c.score());
        return score >= c.score() - 1e-9 ? Outcome.met(detail, progress) : Outcome.notMet(detail, progress);
    }

    /** Met while the newest record says so. */
    public static Outcome manual(ExitCriterion.Manual c, Optional<ManualRecord> newest) {
        if (newest.isEmpty()) {
            return Outcome.notMet("not recorded as met yet", 0.0);
        }
        ManualRecord r = newest.get();
        String evidence = r.evidence() != null ? ": " + r.evidence() : r.url() != null ? ": " + r.url() : "";
        if (evidence.length() > 300) {
            evidence = evidence.substring(0, 299) + "…";
        }
        return r.met() ? Outcome.met("recorded as met by " + r.recordedBy() + evidence, 1.0)
                : Outcome.notMet("set back to not met by " + r.recordedBy() + evidence, 0.0);
    }

    static String days(int n) {
        return n == 1 ? "day" : n + " days";
    }

    static String percent(double ratio) {
        return BigDecimal.valueOf(ratio * 100).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }

    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
