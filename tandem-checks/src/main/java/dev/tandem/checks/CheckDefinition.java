package dev.tandem.checks;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a check verifies, why, how to fix a failure, and what each readiness level asks of it.
 *
 * @param id          stable identifier, e.g. {@code k8s.probes.readiness}; checklist items bind to it
 * @param title       one line, phrased as the desired state
 * @param category    group for reports (e.g. "Reliability", "Security")
 * @param description what is verified and why it matters
 * @param remedy      how to fix a failure
 * @param levels      the requirement at each level; a level left out reads {@link Requirement#NOT_APPLICABLE}
 */
public record CheckDefinition(String id, String title, String category, String description, String remedy,
                              Map<Level, Requirement> levels) {

    public CheckDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(remedy, "remedy");
        EnumMap<Level, Requirement> copy = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            copy.put(level, levels == null ? Requirement.NOT_APPLICABLE : levels.getOrDefault(level, Requirement.NOT_APPLICABLE));
        }
        levels = Collections.unmodifiableMap(copy);
    }

    /** A definition with the requirements at levels A, B and C in that order. */
    public static CheckDefinition of(String id, String title, String category, String description, String remedy,
                                     Requirement a, Requirement b, Requirement c) {
        return new CheckDefinition(id, title, category, description, remedy, Map.of(Level.A, a, Level.B, b, Level.C, c));
    }

    public Requirement requirement(Level level) {
        return levels.get(level);
    }
}
