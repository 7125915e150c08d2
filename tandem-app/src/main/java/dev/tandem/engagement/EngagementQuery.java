package dev.tandem.engagement;

import java.util.Set;

/** Filters for the engagement list; null or empty means "any". */
public record EngagementQuery(String team, Set<EngagementState> states, String sre, String search) {

    public static EngagementQuery all() {
        return new EngagementQuery(null, Set.of(), null, null);
    }
}
