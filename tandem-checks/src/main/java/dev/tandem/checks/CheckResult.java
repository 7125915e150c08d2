package dev.tandem.checks;

import java.util.List;

/**
 * A check's outcome over everything analysed, with the findings behind it: {@link Outcome#FAIL} when any finding
 * fails, {@link Outcome#EXEMPT} when failures exist but every one is exempt, {@link Outcome#NOT_APPLICABLE} when
 * nothing the check applies to was analysed, else {@link Outcome#PASS}.
 */
public record CheckResult(String checkId, Outcome outcome, List<Finding> findings) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public static CheckResult of(String checkId, List<Finding> findings) {
        boolean failed = false;
        boolean exempt = false;
        for (Finding f : findings) {
            failed |= f.outcome() == Outcome.FAIL;
            exempt |= f.outcome() == Outcome.EXEMPT;
        }
        Outcome outcome = failed ? Outcome.FAIL
                : exempt ? Outcome.EXEMPT
                : findings.isEmpty() ? Outcome.NOT_APPLICABLE
                : Outcome.PASS;
        return new CheckResult(checkId, outcome, findings);
    }

    /** True unless the check failed: exempt and not-applicable results count as passing. */
    public boolean passing() {
        return outcome != Outcome.FAIL;
    }

    public List<Finding> findings(Outcome outcome) {
        return findings.stream().filter(f -> f.outcome() == outcome).toList();
    }
}
