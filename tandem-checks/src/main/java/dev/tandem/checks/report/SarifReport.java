package dev.tandem.checks.report;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.CheckResult;
import dev.tandem.checks.Checks;
import dev.tandem.checks.Finding;
import dev.tandem.checks.Level;
import dev.tandem.checks.Outcome;
import dev.tandem.checks.Requirement;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0: one run whose driver lists every check that ran as a rule, and a result for every failing or
 * exempt finding (exempt ones carry a suppression with the reason). The level of a rule and of its results
 * follows what the chosen readiness level asks of the check: error when required, warning when recommended,
 * note otherwise. Passing findings are left out, as code-scanning tools show results as alerts.
 */
final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final Analysis analysis;
    private final Level level;
    private final Path baseDir;

    SarifReport(Analysis analysis, Level level, Path baseDir) {
        this.analysis = analysis;
        this.level = level;
        this.baseDir = baseDir == null ? null : baseDir.toAbsolutePath().normalize();
    }

    Map<String, Object> document() {
        List<Object> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (CheckDefinition check : analysis.checks()) {
            ruleIndex.put(check.id(), rules.size());
            rules.add(rule(check));
        }
        List<Object> results = new ArrayList<>();
        for (CheckResult r : analysis.results()) {
            CheckDefinition check = analysis.check(r.checkId()).orElseThrow();
            for (Finding f : r.findings()) {
                if (f.outcome() == Outcome.FAIL || f.outcome() == Outcome.EXEMPT) {
                    results.add(result(check, ruleIndex.get(check.id()), f));
                }
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "tandem");
        driver.put("version", Checks.version());
        driver.put("semanticVersion", Checks.version().replace("-SNAPSHOT", ""));
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Json.object("driver", driver));
        run.put("results", results);
        run.put("properties", Json.object("readinessLevel", level.name(), "levelMet", analysis.meets(level)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", SCHEMA);
        doc.put("version", "2.1.0");
        doc.put("runs", List.of(run));
        return doc;
    }

    private Map<String, Object> rule(CheckDefinition check) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", check.id());
        rule.put("name", ruleName(check.id()));
        rule.put("shortDescription", Json.object("text", check.title()));
        rule.put("fullDescription", Json.object("text", check.description()));
        rule.put("help", Json.object("text", check.remedy(), "markdown", "**How to fix:** " + check.remedy()));
        rule.put("defaultConfiguration", Json.object("level", sarifLevel(check.requirement(level))));
        Map<String, Object> requirements = new LinkedHashMap<>();
        for (Level l : Level.values()) {
            requirements.put(l.name(), check.requirement(l).name());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("category", check.category());
        properties.put("tags", List.of("production-readiness", check.category().toLowerCase(Locale.ROOT)));
        properties.put("requirements", requirements);
        rule.put("properties", properties);
        return rule;
    }

    private Map<String, Object> result(CheckDefinition check, int index, Finding f) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", uri(f.location().file()));
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        if (f.location().line() > 0) {
            physical.put("region", Json.object("startLine", f.location().line()));
        }
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        location.put("logicalLocations", List.of(Json.object("fullyQualifiedName", f.object().toString(), "kind", "resource")));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", check.id());
        result.put("ruleIndex", index);
        result.put("level", sarifLevel(check.requirement(level)));
        result.put("message", Json.object("text", f.object() + ": " + f.message()));
        result.put("locations", List.of(location));
        result.put("partialFingerprints", Json.object("tandemFinding/v1", fingerprint(check.id(), f)));
        if (f.outcome() == Outcome.EXEMPT) {
            result.put("suppressions", List.of(Json.object("kind", "inSource", "justification", f.exemptionReason())));
        }
        return result;
    }

    static String sarifLevel(Requirement requirement) {
        switch (requirement) {
            case REQUIRED: return "error";
            case RECOMMENDED: return "warning";
            default: return "note";
        }
    }

    /** {@code k8s.probes.readiness} → {@code K8sProbesReadiness}: SARIF rule names are identifier-like. */
    private static String ruleName(String id) {
        StringBuilder s = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return s.toString();
    }

    /** A path relative to the base directory where it lies below it, with {@code /} separators, percent-encoded. */
    String uri(String file) {
        String path = file;
        Path p = Path.of(file);
        if (baseDir != null) {
            Path abs = p.toAbsolutePath().normalize();
            if (abs.startsWith(baseDir)) {
                path = baseDir.relativize(abs).toString();
            }
        }
        path = path.replace('\\', '/');
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }

    /** Stable across line moves: the check and the object, not where the object happens to be written. */
    private static String fingerprint(String checkId, Finding f) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((checkId + '\u0000' + f.object() + '\u0000' + f.location().file()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
