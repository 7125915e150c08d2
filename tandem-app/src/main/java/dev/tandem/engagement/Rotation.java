package dev.tandem.engagement;

import dev.tandem.engagement.internal.Booking;
import dev.tandem.engagement.internal.PlanMaker;
import dev.tandem.engagement.internal.Schedule;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is embedded where, until when, and who is free next: the roster read against the committed
 * engagements (accepted or running). The program dashboard reads {@link #utilisation()}.
 */
@Component
public class Rotation {

    static final Set<EngagementState> COMMITTED = EnumSet.copyOf(java.util.Arrays.stream(EngagementState.values())
            .filter(EngagementState::committed).toList());
    static final int WINDOW_MONTHS_BEFORE = 2;
    static final int WINDOW_MONTHS = 12;

    private final Roster roster;
    private final Engagements engagements;

    Rotation(Roster roster, Engagements engagements) {
        this.roster = roster;
        this.engagements = engagements;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Per SRE (by name) and for the whole program, as of today. */
    public Utilisation utilisation() {
        return utilisation(roster.entries(), engagements.inStates(COMMITTED), today());
    }

    static Utilisation utilisation(List<RosterEntry> entries, List<Engagement> committed, LocalDate today) {
        List<Booking> bookings = bookings(committed, today);
        List<Utilisation.Sre> sres = new ArrayList<>();
        int freeNow = 0;
        for (RosterEntry entry : entries) {
            List<Utilisation.Assignment> assignments = new ArrayList<>();
            for (Engagement e : committed) {
                for (Engagement.EmbeddedSre s : e.sres()) {
                    if (s.person().equals(entry.person())) {
                        assignments.add(new Utilisation.Assignment(e.id(), e.title(), e.team(), e.state(), s.sharePercent(),
                                start(e), end(e)));
                    }
                }
            }
            assignments.sort(Comparator.comparing(Utilisation.Assignment::from, Comparator.nullsFirst(Comparator.naturalOrder())));
            Schedule.Free free = Schedule.freeFrom(entry, bookings, today);
            sres.add(Utilisation.Sre.of(entry, assignments, free.from(), free.note()));
            if (free.from() != null && !free.from().isAfter(today)) {
                freeNow++;
            }
        }
        return Utilisation.of(sres, freeNow);
    }

    /** The timeline chart's rows: every SRE, with the committed and completed engagements in the window. */
    public Timeline timeline() {
        LocalDate today = today();
        Set<EngagementState> shown = EnumSet.copyOf(COMMITTED);
        shown.add(EngagementState.COMPLETED);
        return timeline(roster.entries(), engagements.inStates(shown), today);
    }

    static Timeline timeline(List<RosterEntry> entries, List<Engagement> shown, LocalDate today) {
        LocalDate from = today.withDayOfMonth(1).minusMonths(WINDOW_MONTHS_BEFORE);
        LocalDate to = from.plusMonths(WINDOW_MONTHS).minusDays(1);
        List<Timeline.Row> rows = new ArrayList<>();
        for (RosterEntry entry : entries) {
            List<Timeline.Bar> bars = new ArrayList<>();
            for (Engagement e : shown) {
                for (Engagement.EmbeddedSre s : e.sres()) {
                    LocalDate start = start(e);
                    LocalDate end = end(e);
                    if (!s.person().equals(entry.person()) || start == null) {
                        continue;
                    }
                    if (start.isAfter(to) || (end != null && end.isBefore(from))) {
                        continue;
                    }
                    bars.add(new Timeline.Bar(e.id(), e.title(), e.team(), e.state(), s.sharePercent(), start, end));
                }
            }
            bars.sort(Comparator.comparing(Timeline.Bar::start));
            rows.add(new Timeline.Row(entry.person(), entry.label(), bars));
        }
        return new Timeline(from, to, today, rows);
    }

    /** The planner's inputs, gathered once: the roster, the bookings and the days each SRE spent with each team. */
    PlanMaker planMaker(RotationSettings settings, LocalDate today) {
        Set<EngagementState> held = EnumSet.copyOf(COMMITTED);
        held.add(EngagementState.COMPLETED);
        List<Engagement> all = engagements.inStates(held);
        List<Engagement> committed = all.stream().filter(e -> e.state().committed()).toList();
        return new PlanMaker(roster.entries(), bookings(committed, today), stays(all, today), settings, today);
    }

    /** The days an SRE has spent (or is planned to spend) with a team, leaving one engagement out. */
    long daysWithTeam(String person, String team, long except, LocalDate today) {
        Set<EngagementState> held = EnumSet.copyOf(COMMITTED);
        held.add(EngagementState.COMPLETED);
        List<Engagement> others = engagements.inStates(held).stream().filter(e -> e.id() != except).toList();
        return stays(others, today).stream().filter(s -> s.person().equals(person) && s.team().equals(team))
                .mapToLong(PlanMaker.Stay::days).sum();
    }

    List<Booking> bookings(LocalDate today) {
        return bookings(engagements.inStates(COMMITTED), today);
    }

    static List<Booking> bookings(List<Engagement> committed, LocalDate today) {
        List<Booking> out = new ArrayList<>();
        for (Engagement e : committed) {
            for (Engagement.EmbeddedSre s : e.sres()) {
                out.add(new Booking(s.person(), e.id(), e.team(), start(e), end(e), s.sharePercent()));
            }
        }
        return out;
    }

    /**
     * Days with each team, from the start to the end (actual, else planned) of every committed or
     * completed engagement; a running engagement without a planned end counts until today.
     */
    static List<PlanMaker.Stay> stays(List<Engagement> engagements, LocalDate today) {
        List<PlanMaker.Stay> out = new ArrayList<>();
        for (Engagement e : engagements) {
            LocalDate start = start(e);
            LocalDate end = end(e);
            if (start == null) {
                continue;
            }
            if (end == null) {
                end = start.isAfter(today) ? null : today;
            }
            if (end == null || end.isBefore(start)) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            for (Engagement.EmbeddedSre s : e.sres()) {
                out.add(new PlanMaker.Stay(s.person(), e.team(), days));
            }
        }
        return out;
    }

    static LocalDate start(Engagement e) {
        return e.startedAt() != null ? date(e.startedAt()) : e.plannedStart();
    }

    static LocalDate end(Engagement e) {
        return e.endedAt() != null ? date(e.endedAt()) : e.plannedEnd();
    }

    private static LocalDate date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The embedded SREs whose engagements overlapping this one's period take more than their capacity or count. */
    public List<String> overCapacity(Engagement e) {
        List<Engagement> committed = engagements.inStates(COMMITTED);
        List<String> out = new ArrayList<>();
        for (Engagement.EmbeddedSre sre : e.sres()) {
            int share = 0;
            int count = 0;
            for (Engagement other : committed) {
                if (other.hasSre(sre.person()) && overlaps(e, other)) {
                    count++;
                    share += other.sres().stream().filter(x -> x.person().equals(sre.person()))
                            .mapToInt(Engagement.EmbeddedSre::sharePercent).sum();
                }
            }
            Optional<RosterEntry> entry = roster.find(sre.person());
            if (entry.isPresent() && (share > entry.get().capacityPercent() || count > entry.get().maxConcurrent())) {
                out.add(sre.person() + ": " + share + " % of a capacity of " + entry.get().capacityPercent() + " %, "
                        + count + " engagements at once (at most " + entry.get().maxConcurrent() + ")");
            }
        }
        return out;
    }

    private static boolean overlaps(Engagement a, Engagement b) {
        LocalDate aStart = a.plannedStart() == null ? LocalDate.MIN : a.plannedStart();
        LocalDate aEnd = a.plannedEnd() == null ? LocalDate.MAX : a.plannedEnd();
        LocalDate bStart = b.plannedStart() == null ? LocalDate.MIN : b.plannedStart();
        LocalDate bEnd = b.plannedEnd() == null ? LocalDate.MAX : b.plannedEnd();
        return !aStart.isAfter(bEnd) && !bStart.isAfter(aEnd);
    }
}
