package dev.tandem.engagement.internal;

import java.time.LocalDate;

/**
 * A share of one SRE's time held by an engagement between two days (both included). A null start means
 * "already holding" (accepted without dates); a null end means the end is not known, so it holds for good.
 */
public record Booking(String person, long engagement, String team, LocalDate start, LocalDate end, int share) {

    public boolean overlaps(LocalDate from, LocalDate to) {
        return (start == null || !start.isAfter(to)) && (end == null || !end.isBefore(from));
    }

    public boolean covers(LocalDate day) {
        return overlaps(day, day);
    }
}
