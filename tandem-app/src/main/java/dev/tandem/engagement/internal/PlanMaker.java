package dev.tandem.engagement.internal;

import dev.tandem.engagement.AssignmentPlan;
import dev.tandem.engagement.AssignmentProposal;
import dev.tandem.engagement.Candidate;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.RosterEntry;
import dev.tandem.engagement.RotationSettings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The planner's rules, free of storage. For each candidate in queue order it picks one SRE:
 * <ol>
 *   <li>only SREs who stay within the maximum stay with the team (days already spent there, counting
 *       earlier engagements and proposals, plus the new engagement's length);</li>
 *   <li>first those never embedded with the team, so the practice spreads across teams;</li>
 *   <li>then the one who can start soonest (capacity and the number of concurrent engagements over the
 *       whole proposed period, counting proposals made earlier in the same plan);</li>
 *   <li>then the one with most skills named in the intake's pain and hopes; then the name, so the plan is stable.</li>
 * </ol>
 * One SRE per team at a time: a proposal starts after the team's committed engagements end. The start is
 * never before today; the end is the start plus the default length.
 */
public final class PlanMaker {

    /** Days one SRE has spent (or is planned to spend) with one team. */
    public record Stay(String person, String team, long days) {
    }

    private final List<RosterEntry> roster;
    private final List<Booking> bookings;
    private final Map<String, Long> stays = new HashMap<>();
    private final RotationSettings settings;
    private final LocalDate today;

    public PlanMaker(List<RosterEntry> roster, List<Booking> bookings, List<Stay> stays, RotationSettings settings,
                     LocalDate today) {
        this.roster = roster.stream().sorted(Comparator.comparing(RosterEntry::person)).toList();
        this.bookings = new ArrayList<>(bookings);
        stays.forEach(s -> this.stays.merge(key(s.person(), s.team()), s.days(), Long::sum));
        this.settings = settings;
        this.today = today;
    }

    private record Option(RosterEntry sre, LocalDate start, long stayed, List<String> matches) {
    }

    public AssignmentPlan plan(List<Candidate> candidates) {
        List<AssignmentProposal> proposals = new ArrayList<>();
        List<AssignmentPlan.Unstaffed> unstaffed = new ArrayList<>();
        int days = settings.defaultLengthDays();
        for (Candidate c : candidates) {
            Engagement e = c.engagement();
            List<String> refused = new ArrayList<>();
            LocalDate teamFree = today;
            String teamNote = null;
            boolean teamBlocked = false;
            for (Booking b : bookings) {
                if (b.team().equals(e.team()) && b.engagement() != e.id()) {
                    if (b.end() == null) {
                        teamBlocked = true;
                        refused.add("team " + e.team() + " already has an SRE embedded (engagement #" + b.engagement()
                                + ") with no planned end; one SRE per team at a time");
                        break;
                    }
                    if (!b.end().isBefore(teamFree)) {
                        teamFree = b.end().plusDays(1);
                        teamNote = "starts after team " + e.team() + "'s engagement #" + b.engagement() + " ends on " + b.end()
                                + " (one SRE per team at a time)";
                    }
                }
            }
            if (teamBlocked) {
                unstaffed.add(new AssignmentPlan.Unstaffed(c.rank(), e.id(), e.team(), e.title(), refused));
                continue;
            }
            if (roster.isEmpty()) {
                unstaffed.add(new AssignmentPlan.Unstaffed(c.rank(), e.id(), e.team(), e.title(),
                        List.of("nobody is on the roster: add people with role SRE to the catalog")));
                continue;
            }
            Set<String> words = words(e.intake());
            List<Option> options = new ArrayList<>();
            for (RosterEntry sre : roster) {
                int share = sre.proposedShare();
                if (share < 1) {
                    refused.add(sre.person() + ": no capacity for engagements");
                    continue;
                }
                long stayed = stays.getOrDefault(key(sre.person(), e.team()), 0L);
                if (stayed + days > settings.maxStayDays()) {
                    refused.add(sre.person() + ": " + stayed + " days with team " + e.team() + " already; another "
                            + days + " would pass the maximum stay of " + settings.maxStayDays() + " days");
                    continue;
                }
                Optional<LocalDate> start = Schedule.earliestStart(sre, bookings, teamFree, days, share);
                if (start.isEmpty()) {
                    refused.add(sre.person() + ": never has room for " + share + " % (engagements without a planned end"
                            + " fill their capacity or slots)");
                    continue;
                }
                List<String> matches = sre.skills().stream().filter(s -> words.contains(s.toLowerCase(Locale.ROOT))).toList();
                options.add(new Option(sre, start.get(), stayed, matches));
            }
            if (options.isEmpty()) {
                unstaffed.add(new AssignmentPlan.Unstaffed(c.rank(), e.id(), e.team(), e.title(), refused));
                continue;
            }
            options.sort(Comparator.comparing((Option o) -> o.stayed() > 0)
                    .thenComparing(Option::start)
                    .thenComparing(o -> -o.matches().size())
                    .thenComparing(o -> o.sre().person()));
            Option best = options.get(0);
            RosterEntry sre = best.sre();
            LocalDate end = best.start().plusDays(days - 1L);
            List<String> reasons = new ArrayList<>();
            reasons.add("rank " + c.rank() + " in the queue (score " + Math.round(c.score().total()) + ")");
            reasons.add(best.stayed() == 0 ? sre.person() + " has never been embedded with team " + e.team()
                    + ", so the practice spreads"
                    : sre.person() + " has spent " + best.stayed() + " days with team " + e.team() + " (maximum "
                    + settings.maxStayDays() + "); every SRE who could take it has been there before");
            reasons.add(best.start().equals(today) ? sre.person() + " has room today"
                    : sre.person() + " is free from " + best.start());
            if (teamNote != null && best.start().equals(teamFree)) {
                reasons.add(teamNote);
            }
            if (!best.matches().isEmpty()) {
                reasons.add("skills named in the intake: " + String.join(", ", best.matches()));
            }
            reasons.add(sre.proposedShare() + " % of their time: capacity " + sre.capacityPercent() + " % over at most "
                    + sre.maxConcurrent() + " engagement" + (sre.maxConcurrent() == 1 ? "" : "s") + " at a time");
            reasons.add(days + " days, the default length");
            if (options.size() > 1) {
                reasons.add(alternatives(options));
            }
            proposals.add(new AssignmentProposal(c.rank(), e.id(), e.version(), e.team(), e.title(), sre.person(),
                    sre.displayName(), sre.proposedShare(), best.start(), end, reasons));
            bookings.add(new Booking(sre.person(), e.id(), e.team(), best.start(), end, sre.proposedShare()));
            stays.merge(key(sre.person(), e.team()), (long) days, Long::sum);
        }
        return new AssignmentPlan(today, settings, proposals, unstaffed);
    }

    private static String alternatives(List<Option> options) {
        List<String> others = new ArrayList<>();
        for (Option o : options.subList(1, Math.min(options.size(), 4))) {
            others.add(o.sre().person() + " (" + (o.stayed() > 0 ? o.stayed() + " days with the team already, " : "")
                    + "free from " + o.start() + ")");
        }
        return "also possible: " + String.join(", ", others) + (options.size() > 4 ? " and " + (options.size() - 4) + " more" : "");
    }

    /** The words of the pain and hopes, lower case; a skill tag matches a whole word only ("postgres", not "postgresql"). */
    static Set<String> words(Engagement.Intake intake) {
        Set<String> words = new LinkedHashSet<>();
        if (intake == null) {
            return words;
        }
        for (String text : new String[] {intake.pain(), intake.hopes()}) {
            if (text != null) {
                for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9+#.-]+")) {
                    String word = w.replaceAll("^[.-]+|[.-]+$", "");
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    private static String key(String person, String team) {
        return person + "\n" + team;
    }
}
