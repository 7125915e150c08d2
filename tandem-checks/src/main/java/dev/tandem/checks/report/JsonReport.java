package dev.tandem.checks.report;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.CheckResult;
import dev.tandem.checks.Checks;
import dev.tandem.checks.Finding;
import dev.tandem.checks.Level;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON report; its shape is documented in docs/checks.md and only grows by new fields. */
final class JsonReport {

    static final int SCHEMA_VERSION = 1;

    private final Analysis analysis;
    private final Level level;

    JsonReport(Analysis analysis, Level level) {
        this.analysis = analysis;
        this.level = level;
    }

    Map<String, Object> document() {
        Summary summary = Summary.of(analysis, level);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("tool", Json.object("name", "tandem", "version", Checks.version()));
        doc.put("level", level.name());
        doc.put("passed", summary.levelMet());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("objects", summary.objects());
        counts.put("files", summary.files());
        counts.put("checks", summary.checks());
        counts.put("pass", summary.passed());
        counts.put("fail", summary.failed());
        counts.put("exempt", summary.exempt());
        counts.put("notApplicable", summary.notApplicable());
        counts.put("requiredFailing", summary.requiredFailing());
        doc.put("summary", counts);
        List<Object> results = new ArrayList<>();
        for (CheckResult r : analysis.results()) {
            CheckDefinition check = analysis.check(r.checkId()).orElseThrow();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", check.id());
            result.put("title", check.title());
            result.put("category", check.category());
            result.put("requirement", check.requirement(level).name());
            result.put("outcome", r.outcome().name());
            result.put("description", check.description());
            result.put("remedy", check.remedy());
            List<Object> findings = new ArrayList<>();
            for (Finding f : r.findings()) {
                findings.add(finding(f));
            }
            result.put("findings", findings);
            results.add(result);
        }
        doc.put("results", results);
        return doc;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", f.object().kind());
        object.put("namespace", f.object().namespace());
        object.put("name", f.object().name());
        object.put("container", f.object().container());
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("file", f.location().file());
        location.put("line", f.location().line() > 0 ? f.location().line() : null);
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("outcome", f.outcome().name());
        finding.put("object", object);
        finding.put("location", location);
        finding.put("message", f.message());
        finding.put("exemptionReason", f.exemptionReason());
        return finding;
    }
}
