package dev.tandem.checks.report;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.CheckResult;
import dev.tandem.checks.Finding;
import dev.tandem.checks.Level;
import dev.tandem.checks.Outcome;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report for people: checks grouped by category, each with its outcome and what the level asks of it; under
 * a failing check every failing finding (object, file:line, message) and the fix; under an exempt check every
 * exempt finding with its reason; and a summary line.
 */
final class TextReport {

    private final Analysis analysis;
    private final Level level;

    TextReport(Analysis analysis, Level level) {
        this.analysis = analysis;
        this.level = level;
    }

    void write(Appendable out) throws IOException {
        out.append("Tandem check at level ").append(level.name()).append(": ")
                .append(Summary.count(analysis.objectsAnalysed(), "object")).append(" in ")
                .append(Summary.count(analysis.filesAnalysed(), "file")).append('\n');
        int idWidth = analysis.checks().stream().mapToInt(c -> c.id().length()).max().orElse(10);
        for (Map.Entry<String, List<CheckResult>> group : byCategory().entrySet()) {
            out.append('\n').append(group.getKey()).append('\n');
            for (CheckResult r : group.getValue()) {
                CheckDefinition check = analysis.check(r.checkId()).orElseThrow();
                out.append("  ").append(pad(label(r.outcome()), 7)).append(' ').append(pad(r.checkId(), idWidth)).append("  ")
                        .append(check.title()).append(" [").append(requirement(check)).append("]\n");
                if (r.outcome() == Outcome.FAIL || r.outcome() == Outcome.EXEMPT) {
                    for (Finding f : r.findings()) {
                        if (f.outcome() == Outcome.FAIL || f.outcome() == Outcome.EXEMPT) {
                            finding(f, out);
                        }
                    }
                }
                if (r.outcome() == Outcome.FAIL) {
                    out.append("          fix: ").append(check.remedy()).append('\n');
                }
            }
        }
        out.append('\n').append(Summary.of(analysis, level).line()).append('\n');
    }

    private Map<String, List<CheckResult>> byCategory() {
        Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
        for (CheckResult r : analysis.results()) {
            String category = analysis.check(r.checkId()).map(CheckDefinition::category).orElse("Other");
            groups.computeIfAbsent(category, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static void finding(Finding f, Appendable out) throws IOException {
        out.append("          ").append(f.outcome() == Outcome.FAIL ? "- " : "~ ").append(f.object().toString())
                .append("  ").append(f.location().toString()).append('\n')
                .append("            ").append(f.message()).append('\n');
        if (f.outcome() == Outcome.EXEMPT) {
            out.append("            exempt: ").append(f.exemptionReason()).append('\n');
        }
    }

    private String requirement(CheckDefinition check) {
        return check.requirement(level).name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String label(Outcome outcome) {
        return outcome == Outcome.NOT_APPLICABLE ? "N/A" : outcome.name();
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }
}
