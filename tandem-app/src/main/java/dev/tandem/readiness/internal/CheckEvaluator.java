package dev.tandem.readiness.internal;

import dev.tandem.readiness.CheckResult;
import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.Exemption;
import dev.tandem.readiness.Fact;

/**
 * One check's result from its fact and any exemption granted in Tandem. A failing check that is exempt
 * shows as EXEMPT with the reason; an exemption also covers a check that has no data yet.
 */
public final class CheckEvaluator {

    private CheckEvaluator() {
    }

    public static CheckResult evaluate(String checkId, Fact fact, Exemption exemption) {
        if (fact == null || fact.outcome() == null) {
            if (exemption != null) {
                return new CheckResult(checkId, CheckStatus.EXEMPT, "no data", null, null, describe(exemption));
            }
            return new CheckResult(checkId, CheckStatus.NO_DATA,
                    fact == null ? null : "the fact carries a value but no outcome", fact == null ? null : fact.source(),
                    fact == null ? null : fact.collectedAt(), null);
        }
        if (fact.outcome() == CheckStatus.FAIL && exemption != null) {
            return new CheckResult(checkId, CheckStatus.EXEMPT, fact.details(), fact.source(), fact.collectedAt(),
                    describe(exemption));
        }
        return new CheckResult(checkId, fact.outcome(), fact.details(), fact.source(), fact.collectedAt(),
                fact.outcome() == CheckStatus.EXEMPT ? fact.details() : null);
    }

    private static String describe(Exemption e) {
        return e.reason() + " (approved by " + e.approver() + " until " + e.expiresAt().toString().substring(0, 10) + ")";
    }
}
