package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * An SRE on the roster: a catalog person with role SRE, with what the rotation needs to know. Capacity is
 * the share of their time available for engagements (the rest is their own on-call and project work);
 * version 0 means nobody has changed the defaults yet.
 */
public record RosterEntry(String person, String displayName, int capacityPercent, int maxConcurrent,
                          List<String> skills, LocalDate unavailableUntil, int version) {

    public static final int DEFAULT_CAPACITY = 100;
    public static final int DEFAULT_MAX_CONCURRENT = 1;

    public RosterEntry {
        skills = List.copyOf(skills);
    }

    public String label() {
        return displayName == null || displayName.isBlank() ? person : displayName;
    }

    /** The share of time one engagement takes when the planner proposes it: capacity split over the slots. */
    public int proposedShare() {
        return maxConcurrent < 1 ? 0 : capacityPercent / maxConcurrent;
    }

    /** Not available on this day (the "unavailable until" date is the last day away). */
    public boolean unavailableOn(LocalDate day) {
        return unavailableUntil != null && !day.isAfter(unavailableUntil);
    }
}
