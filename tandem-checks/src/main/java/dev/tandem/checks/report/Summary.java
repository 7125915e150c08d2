package dev.tandem.checks.report;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.CheckResult;
import dev.tandem.checks.Level;

import java.util.List;

/** The counts every report states: checks by outcome, and the required checks that failed. */
public record Summary(Level level, int objects, int files, int checks, int passed, int failed, int exempt,
                      int notApplicable, List<String> requiredFailing) {

    public static Summary of(Analysis analysis, Level level) {
        int pass = 0;
        int fail = 0;
        int exempt = 0;
        int na = 0;
        for (CheckResult r : analysis.results()) {
            switch (r.outcome()) {
                case PASS: pass++; break;
                case FAIL: fail++; break;
                case EXEMPT: exempt++; break;
                default: na++;
            }
        }
        List<String> required = analysis.requiredFailures(level).stream().map(CheckResult::checkId).toList();
        return new Summary(level, analysis.objectsAnalysed(), analysis.filesAnalysed(), analysis.results().size(),
                pass, fail, exempt, na, required);
    }

    /** True when no required check failed. */
    public boolean levelMet() {
        return requiredFailing.isEmpty();
    }

    /** {@code Level B not met: 2 required checks fail (a, b). 20 passed, 3 failed, 1 exempt, 2 not applicable.} */
    public String line() {
        String verdict = levelMet()
                ? "Level " + level + " met"
                : "Level " + level + " not met: " + requiredFailing.size() + " required check" + (requiredFailing.size() == 1 ? "" : "s")
                        + " fail" + (requiredFailing.size() == 1 ? "s" : "") + " (" + String.join(", ", requiredFailing) + ")";
        return verdict + ". " + passed + " passed, " + failed + " failed, " + exempt + " exempt, " + notApplicable
                + " not applicable; " + count(objects, "object") + " in " + count(files, "file") + ".";
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
