package dev.tandem.readiness.internal;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.CheckResult;
import dev.tandem.checks.Finding;
import dev.tandem.checks.Outcome;
import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.Fact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an analysis by {@code tandem-checks} into facts: one per check, its outcome, and details that
 * name what failed (object, file and line) and what was exempted and why, so a report can show it.
 */
final class AnalysisFacts {

    static final int MAX_LINES = 20;

    private AnalysisFacts() {
    }

    static List<Fact> of(Analysis analysis, String source, Instant now) {
        List<Fact> facts = new ArrayList<>();
        for (CheckResult r : analysis.results()) {
            facts.add(new Fact(r.checkId(), status(r.outcome()), null, details(r), source, now, null));
        }
        return facts;
    }

    static CheckStatus status(Outcome outcome) {
        return switch (outcome) {
            case PASS -> CheckStatus.PASS;
            case FAIL -> CheckStatus.FAIL;
            case EXEMPT -> CheckStatus.EXEMPT;
            case NOT_APPLICABLE -> CheckStatus.NOT_APPLICABLE;
        };
    }

    static String details(CheckResult r) {
        List<String> lines = new ArrayList<>();
        for (Finding f : r.findings(Outcome.FAIL)) {
            lines.add(describe(f));
        }
        for (Finding f : r.findings(Outcome.EXEMPT)) {
            lines.add("exempt: " + describe(f) + " (" + f.exemptionReason() + ")");
        }
        if (lines.isEmpty()) {
            int passed = r.findings(Outcome.PASS).size();
            return r.outcome() == Outcome.NOT_APPLICABLE ? "nothing this check applies to"
                    : passed + (passed == 1 ? " object passes" : " objects pass");
        }
        int more = lines.size() - MAX_LINES;
        List<String> shown = lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
        return String.join("\n", shown) + (more > 0 ? "\n… and " + more + " more" : "");
    }

    private static String describe(Finding f) {
        String where = f.location() == null || f.location().file() == null ? ""
                : " (" + f.location().file() + (f.location().line() > 0 ? ":" + f.location().line() : "") + ")";
        String object = f.object().kind() + "/" + f.object().name()
                + (f.object().container() == null ? "" : " container " + f.object().container());
        return object + ": " + f.message() + where;
    }
}
