package dev.tandem.engagement.internal;

import dev.tandem.engagement.RosterEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * When an SRE has room. The check is deliberately simple and cautious: every booking that overlaps a
 * period counts for the whole period, so two bookings that overlap the period but not each other still
 * add up. A proposal may therefore start a little later than a day-by-day sweep would allow, never earlier.
 */
public final class Schedule {

    private Schedule() {
    }

    /** Room for one more engagement of {@code share} % from {@code from} to {@code to}. */
    public static boolean fits(RosterEntry sre, List<Booking> bookings, LocalDate from, LocalDate to, int share) {
        int used = 0;
        int count = 0;
        for (Booking b : bookings) {
            if (b.person().equals(sre.person()) && b.overlaps(from, to)) {
                used += b.share();
                count++;
            }
        }
        return share > 0 && used + share <= sre.capacityPercent() && count + 1 <= sre.maxConcurrent();
    }

    /**
     * The first day on or after {@code earliest} from which the SRE can take an engagement of
     * {@code share} % for {@code days} days; empty when no day will do (bookings without an end fill the room).
     */
    public static Optional<LocalDate> earliestStart(RosterEntry sre, List<Booking> bookings, LocalDate earliest,
                                                    int days, int share) {
        LocalDate base = earliest;
        if (sre.unavailableUntil() != null && !sre.unavailableUntil().isBefore(base)) {
            base = sre.unavailableUntil().plusDays(1);
        }
        // room only opens the day after a booking ends, so those days (and the base) are the only candidates
        TreeSet<LocalDate> days0 = new TreeSet<>();
        days0.add(base);
        for (Booking b : bookings) {
            if (b.person().equals(sre.person()) && b.end() != null && b.end().isAfter(base.minusDays(1))) {
                days0.add(b.end().plusDays(1));
            }
        }
        for (LocalDate d : days0) {
            if (fits(sre, bookings, d, d.plusDays(days - 1L), share)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** When an SRE is free next, or why that is not known. */
    public record Free(LocalDate from, String note) {
    }

    /**
     * Today if the SRE has room today (any share left and a free slot), else the day after the earliest
     * planned end that makes room; unknown when only engagements without a planned end stand in the way.
     */
    public static Free freeFrom(RosterEntry sre, List<Booking> bookings, LocalDate today) {
        if (sre.capacityPercent() == 0) {
            return new Free(null, "no capacity for engagements");
        }
        LocalDate day = today;
        if (sre.unavailableOn(day)) {
            day = sre.unavailableUntil().plusDays(1);
        }
        for (int guard = 0; guard < 1000; guard++) {
            int used = 0;
            int count = 0;
            LocalDate nextEnd = null;
            boolean open = false;
            for (Booking b : bookings) {
                if (b.person().equals(sre.person()) && b.covers(day)) {
                    used += b.share();
                    count++;
                    if (b.end() == null) {
                        open = true;
                    } else if (nextEnd == null || b.end().isBefore(nextEnd)) {
                        nextEnd = b.end();
                    }
                }
            }
            if (used < sre.capacityPercent() && count < sre.maxConcurrent()) {
                return new Free(day, day.equals(today) ? "has room today" : "free from " + day);
            }
            if (nextEnd == null) {
                return new Free(null, open ? "unknown: an engagement has no planned end" : "unknown");
            }
            day = nextEnd.plusDays(1);
        }
        return new Free(null, "unknown");
    }
}
