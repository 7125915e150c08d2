package dev.tandem.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One embedded-SRE engagement with one team: the proposal it started as, where it stands, who is
 * embedded, and its planned and actual dates. The charter, journal and criteria hang off its id.
 */
public record Engagement(long id, String team, String title, EngagementState state, Intake intake,
                         List<String> services, List<EmbeddedSre> sres, String decisionReason,
                         LocalDate plannedStart, LocalDate plannedEnd, Instant startedAt, Instant endedAt,
                         String createdBy, Instant createdAt, Instant updatedAt, int version) {

    public Engagement {
        services = List.copyOf(services);
        sres = List.copyOf(sres);
    }

    /** What the team told us when proposing: the pain, the hopes, and how ready it is to work with an SRE. */
    public record Intake(String pain, int incidents, int sloMisses, int toilPercent, LocalDate upcomingLaunch,
                         String hopes, int willingness, int motivation, Relationship relationship, int risk) {
    }

    /** An SRE embedded in the team, with the share of their time the engagement takes. */
    public record EmbeddedSre(String person, String displayName, int sharePercent) {
    }

    public boolean hasSre(String person) {
        return sres.stream().anyMatch(s -> s.person().equals(person));
    }
}
