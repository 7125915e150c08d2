package dev.tandem.engagement;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * How close an engagement is to being ready to exit: its criteria met out of all, each criterion's
 * status, and the stage. All criteria met makes it {@link Stage#READY} from the moment the last one
 * turned; once they have all held for the charter's hold period it is {@link Stage#PLAN_EXIT}. Apart
 * from the stage, an engagement whose planned end has passed while less than a share of its criteria
 * (half, by default) are met {@link #needsDecision() needs a decision}: extend, change course or end it.
 *
 * <p>Built from stored statuses only (see {@link ExitCriteria#readiness(long)}), so it is cheap to ask.
 *
 * @param readySince   when the last criterion turned met, if all are met; otherwise null
 * @param planExitFrom readySince plus the hold period; null when not ready
 */
public record ExitReadiness(long engagementId, Stage stage, int met, int total, int holdDays, Instant readySince,
                            Instant planExitFrom, boolean needsDecision, String decisionReason,
                            List<CriterionStatus> criteria, Instant evaluatedAt) {

    public static final double DEFAULT_DECISION_BELOW = 0.5;

    public ExitReadiness {
        criteria = List.copyOf(criteria);
    }

    public enum Stage {
        NO_CRITERIA("no criteria"),
        NOT_READY("not ready"),
        READY("ready"),
        PLAN_EXIT("time to plan the exit");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The share of criteria met, 0 to 1 (0 without criteria). */
    @JsonProperty("progress")
    public double progress() {
        return total == 0 ? 0 : (double) met / total;
    }

    /** One line for a banner or a dashboard cell. */
    @JsonProperty("summary")
    public String summary() {
        return switch (stage) {
            case NO_CRITERIA -> "No exit criteria are agreed in the charter yet.";
            case NOT_READY -> "Not ready: " + met + " of " + total + " criteria met.";
            case READY -> "Ready since " + day(readySince) + ": all " + total + " criteria met; if they hold until "
                    + day(planExitFrom) + " (" + holdDays + " days) it is time to plan the exit.";
            case PLAN_EXIT -> "Time to plan the exit: all " + total + " criteria have been met since " + day(readySince)
                    + ", longer than the agreed " + holdDays + " days.";
        };
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, ZoneId.of("UTC"));
    }

    /**
     * The rules, apart from storage so they can be tested with any clock.
     *
     * @param running       whether the engagement is under way (only those are flagged for a decision)
     * @param decisionBelow flag when the planned end has passed and fewer than this share of criteria are met
     */
    public static ExitReadiness of(long engagementId, List<CriterionStatus> criteria, int holdDays, LocalDate plannedEnd,
                                   boolean running, double decisionBelow, Instant now, ZoneId zone) {
        int total = criteria.size();
        int met = (int) criteria.stream().filter(CriterionStatus::met).count();
        Instant readySince = null;
        Instant planFrom = null;
        Stage stage;
        if (total == 0) {
            stage = Stage.NO_CRITERIA;
        } else if (met < total) {
            stage = Stage.NOT_READY;
        } else {
            readySince = criteria.stream().map(c -> c.since() == null ? now : c.since()).max(Instant::compareTo).orElse(now);
            planFrom = readySince.plus(Duration.ofDays(holdDays));
            stage = now.isBefore(planFrom) ? Stage.READY : Stage.PLAN_EXIT;
        }
        boolean flag = false;
        String reason = null;
        double share = total == 0 ? 0 : (double) met / total;
        if (running && plannedEnd != null && LocalDate.ofInstant(now, zone).isAfter(plannedEnd) && share < decisionBelow) {
            flag = true;
            reason = "The planned end (" + plannedEnd + ") has passed with " + met + " of " + total
                    + " criteria met (less than " + Math.round(decisionBelow * 100) + " %): extend, change course or end it.";
        }
        Instant evaluated = criteria.stream().map(CriterionStatus::evaluatedAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        return new ExitReadiness(engagementId, stage, met, total, holdDays, readySince, planFrom, flag, reason, criteria,
                evaluated);
    }
}
