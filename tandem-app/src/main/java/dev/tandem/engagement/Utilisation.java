package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * How busy the SREs are: per SRE the committed engagements (accepted or running) they are in, the share
 * of their time those take against their capacity, and when they are free next; and the program's total.
 */
public record Utilisation(List<Sre> sres, int capacityPercent, int committedPercent, int freeNow) {

    public Utilisation {
        sres = List.copyOf(sres);
    }

    /** Committed shares over capacity across the roster (0 when nobody has capacity). */
    public double utilisation() {
        return capacityPercent == 0 ? 0 : (double) committedPercent / capacityPercent;
    }

    /**
     * One SRE's load. {@code freeFrom} is today when they have room, else the day after the earliest
     * planned end that makes room; null when that is unknown (an engagement without a planned end, or no
     * capacity), with {@code freeNote} saying why.
     */
    public record Sre(RosterEntry entry, List<Assignment> assignments, int committedPercent, LocalDate freeFrom,
                      String freeNote) {

        public Sre {
            assignments = List.copyOf(assignments);
        }

        public double utilisation() {
            return entry.capacityPercent() == 0 ? (committedPercent == 0 ? 0 : 1) : (double) committedPercent / entry.capacityPercent();
        }

        public boolean freeToday(LocalDate today) {
            return freeFrom != null && !freeFrom.isAfter(today);
        }

        /** The latest planned end among the assignments, or null if none has one. */
        public LocalDate embeddedUntil() {
            return assignments.stream().map(Assignment::until).filter(java.util.Objects::nonNull)
                    .max(LocalDate::compareTo).orElse(null);
        }
    }

    /** One committed engagement an SRE is in, with its dates (planned, or actual once started). */
    public record Assignment(long engagement, String title, String team, EngagementState state, int sharePercent,
                             LocalDate from, LocalDate until) {
    }
}
