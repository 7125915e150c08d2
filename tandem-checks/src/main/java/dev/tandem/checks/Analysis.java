package dev.tandem.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of the analyzers found: the checks that ran, every finding, and one {@link CheckResult} per check
 * in the order of {@link Checks#all()} (checks not built in follow, by id).
 */
public final class Analysis {

    private final List<CheckDefinition> checks;
    private final List<Finding> findings;
    private final int objectsAnalysed;
    private final int filesAnalysed;
    private List<CheckResult> results;

    /** @throws IllegalArgumentException when a finding names a check that is not among {@code checks} */
    public Analysis(List<CheckDefinition> checks, List<Finding> findings, int objectsAnalysed, int filesAnalysed) {
        Map<String, CheckDefinition> byId = new LinkedHashMap<>();
        checks.forEach(c -> byId.putIfAbsent(c.id(), c));
        for (Finding f : findings) {
            if (!byId.containsKey(f.checkId())) {
                throw new IllegalArgumentException("finding of unknown check " + f.checkId());
            }
        }
        List<CheckDefinition> ordered = new ArrayList<>(byId.values());
        ordered.sort(Checks.ORDER);
        this.checks = List.copyOf(ordered);
        this.findings = List.copyOf(findings);
        this.objectsAnalysed = objectsAnalysed;
        this.filesAnalysed = filesAnalysed;
    }

    /** An analysis of nothing, with no checks. */
    public static Analysis empty() {
        return new Analysis(List.of(), List.of(), 0, 0);
    }

    /** The definitions of the checks that ran, in stable order. */
    public List<CheckDefinition> checks() {
        return checks;
    }

    public Optional<CheckDefinition> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public List<Finding> findings() {
        return findings;
    }

    /** One result per check that ran, in the order of {@link #checks()}. */
    public List<CheckResult> results() {
        if (results == null) {
            Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
            checks.forEach(c -> byCheck.put(c.id(), new ArrayList<>()));
            for (Finding f : findings) {
                byCheck.computeIfAbsent(f.checkId(), id -> new ArrayList<>()).add(f);
            }
            List<CheckResult> list = new ArrayList<>(byCheck.size());
            byCheck.forEach((id, fs) -> list.add(CheckResult.of(id, fs)));
            results = List.copyOf(list);
        }
        return results;
    }

    public Optional<CheckResult> result(String checkId) {
        return results().stream().filter(r -> r.checkId().equals(checkId)).findFirst();
    }

    /** Kubernetes objects read. */
    public int objectsAnalysed() {
        return objectsAnalysed;
    }

    /** Files read: manifests, and the files repository checks looked at. */
    public int filesAnalysed() {
        return filesAnalysed;
    }

    /** The results of the checks {@code level} requires that failed (exempt results count as passing). */
    public List<CheckResult> requiredFailures(Level level) {
        List<CheckResult> failing = new ArrayList<>();
        for (CheckResult r : results()) {
            Requirement requirement = check(r.checkId()).map(c -> c.requirement(level)).orElse(Requirement.NOT_APPLICABLE);
            if (requirement == Requirement.REQUIRED && !r.passing()) {
                failing.add(r);
            }
        }
        return failing;
    }

    /** True when every check that {@code level} requires passed, was exempt, or had nothing to check. */
    public boolean meets(Level level) {
        return requiredFailures(level).isEmpty();
    }

    /** Both analyses as one: checks, findings and counts added up. */
    public Analysis merge(Analysis other) {
        List<CheckDefinition> allChecks = new ArrayList<>(checks);
        allChecks.addAll(other.checks);
        List<Finding> allFindings = new ArrayList<>(findings);
        allFindings.addAll(other.findings);
        return new Analysis(allChecks, allFindings, objectsAnalysed + other.objectsAnalysed, filesAnalysed + other.filesAnalysed);
    }
}
