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
 * JUnit XML, as CI systems read it: a test suite per category, a test case per check. A failing check is a
 * {@code <failure>} (its type says whether the level requires or only recommends it) listing every failing
 * finding; a not-applicable check, and an exempt one with its reasons, is {@code <skipped>}.
 */
final class JunitReport {

    private final Analysis analysis;
    private final Level level;

    JunitReport(Analysis analysis, Level level) {
        this.analysis = analysis;
        this.level = level;
    }

    void write(Appendable out) throws IOException {
        Map<String, List<CheckResult>> suites = new LinkedHashMap<>();
        for (CheckResult r : analysis.results()) {
            String category = analysis.check(r.checkId()).map(CheckDefinition::category).orElse("Other");
            suites.computeIfAbsent(category, k -> new ArrayList<>()).add(r);
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"").append(Xml.attribute("tandem check (level " + level + ")")).append('"')
                .append(counts(analysis.results())).append(">\n");
        for (Map.Entry<String, List<CheckResult>> suite : suites.entrySet()) {
            out.append("  <testsuite name=\"").append(Xml.attribute(suite.getKey())).append('"')
                    .append(counts(suite.getValue())).append(">\n");
            for (CheckResult r : suite.getValue()) {
                testcase(suite.getKey(), r, out);
            }
            out.append("  </testsuite>\n");
        }
        out.append("</testsuites>\n");
    }

    private static String counts(List<CheckResult> results) {
        long failures = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
        long skipped = results.stream().filter(r -> r.outcome() == Outcome.EXEMPT || r.outcome() == Outcome.NOT_APPLICABLE).count();
        return " tests=\"" + results.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\"";
    }

    private void testcase(String category, CheckResult r, Appendable out) throws IOException {
        CheckDefinition check = analysis.check(r.checkId()).orElseThrow();
        out.append("    <testcase classname=\"").append(Xml.attribute("tandem." + category.toLowerCase(Locale.ROOT).replace(' ', '-')))
                .append("\" name=\"").append(Xml.attribute(check.id() + ": " + check.title())).append('"');
        switch (r.outcome()) {
            case PASS:
                out.append("/>\n");
                return;
            case NOT_APPLICABLE:
                out.append(">\n      <skipped message=\"not applicable: nothing this check applies to was analysed\"/>\n    </testcase>\n");
                return;
            case EXEMPT: {
                List<Finding> exempt = r.findings(Outcome.EXEMPT);
                out.append(">\n      <skipped message=\"").append(Xml.attribute("exempt: " + exempt.get(0).exemptionReason()
                        + (exempt.size() > 1 ? " (and " + (exempt.size() - 1) + " more)" : ""))).append("\">")
                        .append(Xml.text(describe(exempt))).append("</skipped>\n    </testcase>\n");
                return;
            }
            default: {
                List<Finding> failing = r.findings(Outcome.FAIL);
                String requirement = check.requirement(level).name().toLowerCase(Locale.ROOT).replace('_', ' ');
                out.append(">\n      <failure type=\"").append(Xml.attribute(requirement)).append("\" message=\"")
                        .append(Xml.attribute(failing.size() + (failing.size() == 1 ? " finding fails" : " findings fail")
                                + " (" + requirement + " at level " + level + ")"))
                        .append("\">").append(Xml.text(describe(failing) + "Fix: " + check.remedy() + "\n"))
                        .append("</failure>\n");
                List<Finding> exempt = r.findings(Outcome.EXEMPT);
                if (!exempt.isEmpty()) {
                    out.append("      <system-out>").append(Xml.text("Exempt:\n" + describe(exempt))).append("</system-out>\n");
                }
                out.append("    </testcase>\n");
            }
        }
    }

    private static String describe(List<Finding> findings) {
        StringBuilder s = new StringBuilder();
        for (Finding f : findings) {
            s.append(f.location()).append(": ").append(f.object()).append(": ").append(f.message());
            if (f.outcome() == Outcome.EXEMPT) {
                s.append(" (exempt: ").append(f.exemptionReason()).append(')');
            }
            s.append('\n');
        }
        return s.toString();
    }
}
