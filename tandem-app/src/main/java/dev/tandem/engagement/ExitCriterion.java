package dev.tandem.engagement;

import dev.tandem.catalog.ReadinessLevel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A condition, agreed in the charter before the start, under which the team is ready to be left. The
 * kinds are a closed set; each names the signal it reads, and an evaluator per kind turns that signal
 * into met, not met or no data. A new kind (pages per on-call shift, toil share once incidents and
 * on-call exist) is a new record here, its entry in {@link #kinds()}, and its evaluator.
 */
public sealed interface ExitCriterion {

    /** Stable within the engagement across charter versions, so that its history follows it. */
    String key();

    String kind();

    /** What is agreed, in words: "checkout reaches level Gold on scorecard production". */
    String describe();

    /** The criterion as the API and the charter document store it. */
    Map<String, Object> toMap();

    static java.util.List<String> kinds() {
        return java.util.List.of(ScorecardLevel.KIND, ReviewApproved.KIND, SloAttainment.KIND, BudgetNotExhausted.KIND,
                MaturityScore.KIND, Manual.KIND);
    }

    /** A service reaches (at least) a level of a scorecard. */
    record ScorecardLevel(String key, String service, String scorecard, String level) implements ExitCriterion {
        public static final String KIND = "scorecard-level";

        public String kind() {
            return KIND;
        }

        public String describe() {
            return service + " reaches level " + level + " on scorecard " + scorecard;
        }

        public Map<String, Object> toMap() {
            return map(this, "service", service, "scorecard", scorecard, "level", level);
        }
    }

    /** The service's readiness review is approved at this level or a stricter one (A is the strictest). */
    record ReviewApproved(String key, String service, ReadinessLevel level) implements ExitCriterion {
        public static final String KIND = "review-approved";

        public String kind() {
            return KIND;
        }

        public String describe() {
            return service + " has a readiness review approved at level " + level.name() + " or stricter";
        }

        public Map<String, Object> toMap() {
            return map(this, "service", service, "level", level.name());
        }
    }

    /** The SLO's SLI over the last {@code days} days is at or above its objective. */
    record SloAttainment(String key, String slo, int days) implements ExitCriterion {
        public static final String KIND = "slo-attainment";

        public String kind() {
            return KIND;
        }

        public String describe() {
            return "SLO " + slo + " meets its objective over the last " + (days == 1 ? "day" : days + " days");
        }

        public Map<String, Object> toMap() {
            return map(this, "slo", slo, "days", days);
        }
    }

    /** The SLO's error budget is not exhausted (its budget policy's state). */
    record BudgetNotExhausted(String key, String slo) implements ExitCriterion {
        public static final String KIND = "budget-not-exhausted";

        public String kind() {
            return KIND;
        }

        public String describe() {
            return "the error budget of SLO " + slo + " is not exhausted";
        }

        public Map<String, Object> toMap() {
            return map(this, "slo", slo);
        }
    }

    /** The engagement's newest maturity assessment scores at least this in an area (or on average, with no area). */
    record MaturityScore(String key, MaturityArea area, double score) implements ExitCriterion {
        public static final String KIND = "maturity-score";

        public String kind() {
            return KIND;
        }

        public String describe() {
            String s = score == Math.rint(score) ? String.valueOf((int) score) : String.valueOf(score);
            return (area == null ? "the average maturity score" : "the maturity score for " + area.label())
                    + " reaches " + s + " of 5";
        }

        public Map<String, Object> toMap() {
            return map(this, "area", area == null ? null : area.key(), "score", score);
        }
    }

    /** Anything a machine cannot see: met when someone records it as met, with evidence. */
    record Manual(String key, String title) implements ExitCriterion {
        public static final String KIND = "manual";

        public String kind() {
            return KIND;
        }

        public String describe() {
            return title;
        }

        public Map<String, Object> toMap() {
            return map(this, "title", title);
        }
    }

    private static Map<String, Object> map(ExitCriterion c, Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", c.key());
        out.put("kind", c.kind());
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return out;
    }
}
