package dev.tandem.readiness.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Checks;
import dev.tandem.checks.Level;
import dev.tandem.readiness.CheckInfo;
import dev.tandem.readiness.Requirement;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The definitions of the checks Tandem ships, gathered from every collector. */
public final class CheckDefinitions {

    private CheckDefinitions() {
    }

    public static List<CheckInfo> all() {
        List<CheckInfo> all = new ArrayList<>();
        for (CheckDefinition d : Checks.all()) {
            Map<ReadinessLevel, Requirement> levels = new EnumMap<>(ReadinessLevel.class);
            for (ReadinessLevel level : ReadinessLevel.values()) {
                levels.put(level, Requirement.valueOf(d.requirement(Level.valueOf(level.name())).name()));
            }
            all.add(new CheckInfo(d.id(), d.title(), d.category(), d.description(), d.remedy(),
                    d.id().startsWith("k8s.") ? "kubernetes" : "repository", Map.copyOf(levels)));
        }
        all.addAll(CatalogCollector.CHECKS);
        all.addAll(SloFactChecks.CHECKS);
        return all;
    }

    static Map<ReadinessLevel, Requirement> levels(Requirement a, Requirement b, Requirement c) {
        Map<ReadinessLevel, Requirement> m = new EnumMap<>(ReadinessLevel.class);
        m.put(ReadinessLevel.A, a);
        m.put(ReadinessLevel.B, b);
        m.put(ReadinessLevel.C, c);
        return Map.copyOf(m);
    }
}
