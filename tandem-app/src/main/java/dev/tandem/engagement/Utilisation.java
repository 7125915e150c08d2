package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * How busy the SREs are: per SRE the committed engagements (accepted or running) they are in, the share
 * of their time those take against their capacity, and when they are free next; and the program's total
 * (committed shares over the roster's capacity; 0 when nobody has capacity).
 */
public record Utilisation(List<Sre> sres, int capacityPercent, int committedPercent, double utilisation, int freeNow) {

    public Utilisation {
        sres = List.copyOf(sres);
    }

    static Utilisation of(List<Sre> sres, int freeNow) {
        int capacity = sres.stream().mapToInt(s -> s.entry().capacityPercent()).sum();
        int committed = sres.stream().mapToInt(Sre::committedPercent).sum();
        return new Utilisation(sres, capacity, committed, capacity == 0 ? 0 : (double) committed / capacity, freeNow);
    }

    /**
     * One SRE's load: utilisation is committed shares over capacity (1 when an SRE without capacity is
     * committed anyway). {@code freeFrom} is today when they have room, else the day after the earliest
     * planned end that makes room; null when that is unknown (an engagement without a planned end, or no
     * capacity), with {@code freeNote} saying why. {@code embeddedUntil} is the latest planned end.
     */
    public record Sre(RosterEntry entry, List<Assignment> assignments, int committedPercent, double utilisation,
                      LocalDate freeFrom, String freeNote, LocalDate embeddedUntil) {

        public Sre {
            assignments = List.copyOf(assignments);
        }

        static Sre of(RosterEntry entry, List<Assignment> assignments, LocalDate freeFrom, String freeNote) {
            int committed = assignments.stream().mapToInt(Assignment::sharePercent).sum();
            double utilisation = entry.capacityPercent() == 0 ? (committed == 0 ? 0 : 1)
                    : (double) committed / entry.capacityPercent();
            LocalDate until = assignments.stream().map(Assignment::until).filter(java.util.Objects::nonNull)
                    .max(LocalDate::compareTo).orElse(null);
            return new Sre(entry, assignments, committed, utilisation, freeFrom, freeNote, until);
        }

        /** Whole percent, for pages. */
        public long utilisationPercent() {
            return Math.round(utilisation * 100);
        }
    }

    public long utilisationPercent() {
        return Math.round(utilisation * 100);
    }

    /** One committed engagement an SRE is in, with its dates (actual once started, else planned; null if unknown). */
    public record Assignment(long engagement, String title, String team, EngagementState state, int sharePercent,
                             LocalDate from, LocalDate until) {
    }
}
