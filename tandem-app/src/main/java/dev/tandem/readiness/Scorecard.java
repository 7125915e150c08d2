package dev.tandem.readiness;

import dev.tandem.catalog.ReadinessLevel;

import java.time.Instant;
import java.util.List;

/**
 * A named ladder of levels (Bronze, Silver, Gold, …), each a set of checks, for the services its filter
 * selects. A service holds the highest level whose checks, and those of every level below, pass.
 * {@code rules} are the scorecard's own checks over pushed fact values (coverage ≥ 80, say).
 */
public record Scorecard(String name, String title, String description, Filter filter, List<Rule> rules,
                        List<Level> levels, Instant updatedAt, int version) {

    /** Which services the scorecard applies to; an empty list means any. Tags match when any tag is shared. */
    public record Filter(List<String> owners, List<ReadinessLevel> levels, List<String> lifecycles, List<String> tags) {

        public boolean matches(String owner, ReadinessLevel level, String lifecycle, List<String> serviceTags) {
            return (owners.isEmpty() || owners.contains(owner))
                    && (levels.isEmpty() || levels.contains(level))
                    && (lifecycles.isEmpty() || lifecycles.contains(lifecycle))
                    && (tags.isEmpty() || serviceTags.stream().anyMatch(tags::contains));
        }
    }

    /** A check defined by the scorecard: a pushed fact's value compared with a constant. */
    public record Rule(String id, String title, String fact, String operator, Object value) {
    }

    public record Level(String name, List<String> checks) {
    }

    public List<String> levelNames() {
        return levels.stream().map(Level::name).toList();
    }
}
