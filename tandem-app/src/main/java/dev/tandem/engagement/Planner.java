package dev.tandem.engagement;

import dev.tandem.audit.AuditLog;
import dev.tandem.engagement.internal.Booking;
import dev.tandem.engagement.internal.Schedule;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Proposes the next assignments from the ranked queue (see {@code internal.PlanMaker} for the rules) and
 * applies the one an admin chooses. The planner itself changes nothing.
 */
@Component
public class Planner {

    private final Selection selection;
    private final Rotation rotation;
    private final Roster roster;
    private final Engagements engagements;
    private final EngagementAccess access;
    private final AuditLog audit;

    Planner(Selection selection, Rotation rotation, Roster roster, Engagements engagements, EngagementAccess access,
            AuditLog audit) {
        this.selection = selection;
        this.rotation = rotation;
        this.roster = roster;
        this.engagements = engagements;
        this.access = access;
        this.audit = audit;
    }

    public AssignmentPlan plan() {
        LocalDate today = Rotation.today();
        return rotation.planMaker(roster.settings(), today).plan(selection.ranking());
    }

    /**
     * Accepts the engagement (if it is still proposed) and sets its plan to the chosen SRE and dates, in
     * one transaction. A choice made from an older version of the engagement is refused (409), as is one
     * whose SRE has no room any more.
     */
    @Transactional
    public Engagement apply(ProposalChoice choice) {
        access.requireManager("apply assignment proposals");
        List<FieldProblem> problems = new ArrayList<>();
        if (choice.engagement() == null) {
            problems.add(new FieldProblem("engagement", "name the engagement"));
        }
        if (choice.version() == null) {
            problems.add(new FieldProblem("version", "send the engagement's version the proposal was made from"));
        }
        if (choice.person() == null || choice.person().isBlank()) {
            problems.add(new FieldProblem("person", "name the SRE"));
        }
        if (choice.sharePercent() == null || choice.sharePercent() < 1 || choice.sharePercent() > 100) {
            problems.add(new FieldProblem("sharePercent", "the share of time is between 1 and 100 %"));
        }
        if (choice.plannedStart() == null) {
            problems.add(new FieldProblem("plannedStart", "give the planned start"));
        }
        if (choice.plannedEnd() == null) {
            problems.add(new FieldProblem("plannedEnd", "give the planned end"));
        } else if (choice.plannedStart() != null && choice.plannedEnd().isBefore(choice.plannedStart())) {
            problems.add(new FieldProblem("plannedEnd", "the planned end is before the planned start"));
        }
        RosterEntry sre = null;
        if (choice.person() != null && !choice.person().isBlank()) {
            sre = roster.find(choice.person()).orElse(null);
            if (sre == null) {
                problems.add(new FieldProblem("person", "'" + choice.person().trim() + "' is not an SRE on the roster"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Engagement before = engagements.get(choice.engagement());
        if (before.version() != choice.version()) {
            throw new StaleVersionException(Engagements.TYPE, String.valueOf(before.id()), choice.version(), before.version());
        }
        if (before.state() != EngagementState.PROPOSED && before.state() != EngagementState.ACCEPTED) {
            throw new ConflictException("engagement #" + before.id() + " is " + before.state().label()
                    + "; only proposed and accepted engagements take an assignment from the plan");
        }
        // two admins applying proposals for the same SRE at once must not both see the room free
        roster.lockForAssignment();
        List<Booking> others = rotation.bookings(Rotation.today()).stream()
                .filter(b -> b.engagement() != before.id()).toList();
        if (!Schedule.fits(sre, others, choice.plannedStart(), choice.plannedEnd(), choice.sharePercent())) {
            throw new ConflictException(sre.person() + " no longer has room for " + choice.sharePercent() + " % from "
                    + choice.plannedStart() + " to " + choice.plannedEnd() + " (capacity " + sre.capacityPercent()
                    + " %, at most " + sre.maxConcurrent() + " at a time); reload the plan");
        }
        // the planner's other rule holds when applying too: one SRE's stay with a team is bounded
        RotationSettings settings = roster.settings();
        long stayed = rotation.daysWithTeam(sre.person(), before.team(), before.id(), Rotation.today());
        long days = java.time.temporal.ChronoUnit.DAYS.between(choice.plannedStart(), choice.plannedEnd()) + 1;
        if (stayed + days > settings.maxStayDays()) {
            throw new ConflictException(sre.person() + " has spent " + stayed + " days with team " + before.team()
                    + "; another " + days + " would pass the maximum stay of " + settings.maxStayDays() + " days");
        }
        int version = before.version();
        if (before.state() == EngagementState.PROPOSED) {
            version = engagements.accept(before.id(), "accepted from the rotation plan: " + sre.person() + " from "
                    + choice.plannedStart(), version).version();
        }
        Engagement after = engagements.plan(before.id(), new Plan(choice.plannedStart(), choice.plannedEnd(),
                List.of(new Plan.Assignment(sre.person(), choice.sharePercent())), version));
        audit.record("apply", "rotation-plan", Engagements.label(after), "assigned " + sre.person() + " ("
                + choice.sharePercent() + " %) from " + choice.plannedStart() + " to " + choice.plannedEnd(), before, after);
        return after;
    }
}
