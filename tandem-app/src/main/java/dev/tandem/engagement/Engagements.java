package dev.tandem.engagement;

import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.People;
import dev.tandem.catalog.Person;
import dev.tandem.catalog.PersonRole;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.catalog.Team;
import dev.tandem.catalog.Teams;
import dev.tandem.engagement.internal.EngagementRows;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.Page;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.tandem.engagement.internal.EngagementRows.sqlDate;
import static dev.tandem.engagement.internal.EngagementRows.ts;

/**
 * Engagements: proposing one, the manager's decision and plan, and the moves through the phases. The
 * legal moves are {@link EngagementState}'s; the preconditions that need data (an SRE and agreed exit
 * criteria before the start, an after-action report before completion) are checked here.
 */
@Component
public class Engagements {

    static final String TYPE = "engagement";
    static final int MAX_TEXT = 4000;
    static final int MAX_SERVICES = 50;

    private final JdbcClient jdbc;
    private final Teams teams;
    private final Services services;
    private final People people;
    private final EngagementAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Engagements(JdbcClient jdbc, Teams teams, Services services, People people, EngagementAccess access,
                AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.services = services;
        this.people = people;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    public Optional<Engagement> find(long id) {
        return EngagementRows.load(jdbc, EngagementRows.SELECT + " where e.id = ?", List.of(id)).stream().findFirst();
    }

    public Engagement get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException(TYPE, String.valueOf(id)));
    }

    private static final Map<String, String> SORTS = Map.of("updated", "e.updated_at", "created", "e.created_at",
            "team", "t.name", "state", "e.state", "plannedEnd", "e.planned_end", "plannedStart", "e.planned_start",
            "title", "e.title");

    public Page<Engagement> list(EngagementQuery query, PageRequest request) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.team() != null && !query.team().isBlank()) {
            where.append(" and t.name = ?");
            params.add(query.team().trim());
        }
        if (query.states() != null && !query.states().isEmpty()) {
            where.append(" and e.state in (").append(String.join(",", java.util.Collections.nCopies(query.states().size(), "?")))
                    .append(")");
            query.states().forEach(s -> params.add(s.name()));
        }
        if (query.sre() != null && !query.sre().isBlank()) {
            where.append(" and exists (select 1 from engagement_sres es join people p on p.id = es.person_id "
                    + "where es.engagement_id = e.id and p.name = ?)");
            params.add(query.sre().trim());
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" and (lower(e.title) like ? escape '\\' or lower(t.name) like ? escape '\\')");
            String like = "%" + query.search().trim().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        long total = jdbc.sql("select count(*) from engagements e join teams t on t.id = e.team_id" + where)
                .params(params).query(Long.class).single();
        String column = SORTS.getOrDefault(request.sortOr("updated", SORTS.keySet()), "e.updated_at");
        boolean desc = request.sort() == null || !SORTS.containsKey(request.sort()) || request.descending();
        String order = " order by " + column + (desc ? " desc" : " asc") + ", e.id desc";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(request.size());
        pageParams.add(request.offset());
        List<Engagement> items = EngagementRows.load(jdbc, EngagementRows.SELECT + where + order + " limit ? offset ?", pageParams);
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** Every engagement in one of the states, oldest first; for the roster, the queue and the dashboard. */
    public List<Engagement> inStates(Set<EngagementState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        List<Object> params = states.stream().map(s -> (Object) s.name()).toList();
        return EngagementRows.load(jdbc, EngagementRows.SELECT + " where e.state in ("
                + String.join(",", java.util.Collections.nCopies(states.size(), "?")) + ") order by e.id", params);
    }

    public List<Transition> transitions(long id) {
        get(id);
        return jdbc.sql("select * from engagement_transitions where engagement_id = ? order by id")
                .param(id).query(EngagementRows.TRANSITION).list();
    }

    @Transactional
    public Engagement propose(Proposal proposal) {
        Checked c = check(proposal, null);
        access.requirePropose(c.team.name());
        Instant now = Instant.now();
        String actor = Actor.current().username();
        Engagement.Intake in = c.intake;
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into engagements (team_id, title, state, pain, incidents, slo_misses, toil_percent, upcoming_launch,
                  hopes, willingness, motivation, relationship, risk, created_by, created_at, updated_at, version)
                values (?, ?, 'PROPOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(c.team.id(), c.title, in.pain(), in.incidents(), in.sloMisses(), in.toilPercent(),
                        sqlDate(in.upcomingLaunch()), in.hopes(), in.willingness(), in.motivation(),
                        in.relationship().name(), in.risk(), actor, ts(now), ts(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeServices(id, c.services);
        recordTransition(id, null, EngagementState.PROPOSED, actor, "proposed", now);
        Engagement created = get(id);
        audit.record("propose", TYPE, label(created), null, created);
        events.publishEvent(new EngagementStateChanged(id, created.team(), null, EngagementState.PROPOSED, actor,
                "proposed", now));
        return created;
    }

    /** Changes the intake while the engagement is still a proposal. */
    @Transactional
    public Engagement updateIntake(long id, Proposal proposal) {
        Engagement before = get(id);
        access.requirePropose(before.team());
        requireVersion(before, proposal.version());
        if (before.state() != EngagementState.PROPOSED) {
            throw new ConflictException("the engagement is " + before.state().label()
                    + "; the intake can only be changed while it is proposed");
        }
        Checked c = check(proposal, before.team());
        Engagement.Intake in = c.intake;
        int n = jdbc.sql("""
                update engagements set title = ?, pain = ?, incidents = ?, slo_misses = ?, toil_percent = ?, upcoming_launch = ?,
                  hopes = ?, willingness = ?, motivation = ?, relationship = ?, risk = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(c.title, in.pain(), in.incidents(), in.sloMisses(), in.toilPercent(), sqlDate(in.upcomingLaunch()),
                        in.hopes(), in.willingness(), in.motivation(), in.relationship().name(), in.risk(),
                        ts(Instant.now()), id, before.version())
                .update();
        requireUpdated(n, before);
        jdbc.sql("delete from engagement_services where engagement_id = ?").param(id).update();
        writeServices(id, c.services);
        Engagement after = get(id);
        audit.record("update", TYPE, label(after), before, after);
        return after;
    }

    /** The manager's plan: dates and the embedded SREs. Allowed until the engagement ends. */
    @Transactional
    public Engagement plan(long id, Plan plan) {
        access.requireManager("plan engagements");
        Engagement before = get(id);
        requireVersion(before, plan.version());
        if (before.state().terminal()) {
            throw new ConflictException("the engagement is " + before.state().label() + "; it can no longer be planned");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (plan.plannedStart() != null && plan.plannedEnd() != null && plan.plannedEnd().isBefore(plan.plannedStart())) {
            problems.add(new FieldProblem("plannedEnd", "the planned end is before the planned start"));
        }
        List<Object[]> assignments = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Plan.Assignment> sres = plan.sres() == null ? List.of() : plan.sres();
        for (int i = 0; i < sres.size(); i++) {
            Plan.Assignment a = sres.get(i);
            String field = "sres[" + i + "]";
            if (a == null || a.person() == null || a.person().isBlank()) {
                problems.add(new FieldProblem(field + ".person", "name the SRE"));
                continue;
            }
            Optional<Person> person = people.find(a.person().trim());
            int share = a.sharePercent() == null ? 100 : a.sharePercent();
            if (person.isEmpty()) {
                problems.add(new FieldProblem(field + ".person", "no person named '" + a.person().trim() + "'"));
            } else if (person.get().role() != PersonRole.SRE) {
                problems.add(new FieldProblem(field + ".person", "'" + a.person().trim() + "' is not an SRE"));
            } else if (!seen.add(person.get().name())) {
                problems.add(new FieldProblem(field + ".person", "'" + a.person().trim() + "' is named twice"));
            } else if (share < 1 || share > 100) {
                problems.add(new FieldProblem(field + ".sharePercent", "the share of time is between 1 and 100 %"));
            } else {
                assignments.add(new Object[] {id, person.get().id(), share});
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("update engagements set planned_start = ?, planned_end = ?, updated_at = ?, version = version + 1 "
                        + "where id = ? and version = ?")
                .params(sqlDate(plan.plannedStart()), sqlDate(plan.plannedEnd()), ts(Instant.now()), id, before.version())
                .update();
        requireUpdated(n, before);
        jdbc.sql("delete from engagement_sres where engagement_id = ?").param(id).update();
        for (Object[] a : assignments) {
            jdbc.sql("insert into engagement_sres (engagement_id, person_id, share_percent) values (?, ?, ?)").params(a).update();
        }
        Engagement after = get(id);
        audit.record("plan", TYPE, label(after), before, after);
        return after;
    }

    @Transactional
    public Engagement accept(long id, String reason, Integer version) {
        return move(id, EngagementState.ACCEPTED, reason, version);
    }

    @Transactional
    public Engagement decline(long id, String reason, Integer version) {
        return move(id, EngagementState.DECLINED, reason, version);
    }

    /**
     * Moves an engagement to another state: accepting and declining are the manager's, as is cancelling
     * a running engagement (a team may withdraw its own proposal); the phases are the embedded SREs'.
     */
    @Transactional
    public Engagement move(long id, EngagementState to, String reason, Integer version) {
        Engagement before = get(id);
        switch (to) {
            case ACCEPTED -> access.requireManager("accept engagements");
            case DECLINED -> access.requireManager("decline engagements");
            case CANCELLED -> {
                if (before.state() == EngagementState.PROPOSED) {
                    if (!access.isManager()) {
                        access.requirePropose(before.team());
                    }
                } else {
                    access.requireManager("cancel engagements");
                }
            }
            default -> access.requireDrive(before);
        }
        requireVersion(before, version);
        String why = reason == null ? null : reason.trim();
        if ((to == EngagementState.DECLINED || to == EngagementState.CANCELLED) && (why == null || why.isEmpty())) {
            throw new InvalidInputException("reason", "say why the engagement is " + to.label());
        }
        if (why != null && why.length() > MAX_TEXT) {
            throw new InvalidInputException("reason", "at most " + MAX_TEXT + " characters");
        }
        EngagementState target = before.state().moveTo(to);
        requirePreconditions(before, target);
        Instant now = Instant.now();
        String actor = Actor.current().username();
        int n = jdbc.sql("""
                update engagements set state = ?, decision_reason = case when ? then ? else decision_reason end,
                  started_at = case when ? then ? else started_at end, ended_at = case when ? then ? else ended_at end,
                  updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(target.name(), target == EngagementState.ACCEPTED || target == EngagementState.DECLINED
                                || target == EngagementState.CANCELLED, why,
                        target == EngagementState.LEARNING, ts(now), target.terminal(), ts(now),
                        ts(now), id, before.version())
                .update();
        requireUpdated(n, before);
        recordTransition(id, before.state(), target, actor, why, now);
        Engagement after = get(id);
        audit.record(target.slug(), TYPE, label(after), "from " + before.state().label() + " to " + target.label()
                + (why == null || why.isEmpty() ? "" : ": " + why), before, after);
        events.publishEvent(new EngagementStateChanged(id, after.team(), before.state(), target, actor, why, now));
        return after;
    }

    private void requirePreconditions(Engagement e, EngagementState target) {
        if (target == EngagementState.LEARNING) {
            List<String> missing = new ArrayList<>();
            if (e.sres().isEmpty()) {
                missing.add("an embedded SRE (the manager's plan)");
            }
            long criteria = jdbc.sql("select count(*) from exit_criteria where engagement_id = ?").param(e.id())
                    .query(Long.class).single();
            if (criteria == 0) {
                missing.add("exit criteria agreed in the charter");
            }
            if (!missing.isEmpty()) {
                throw new ConflictException("the engagement cannot start yet: it needs " + String.join(" and ", missing));
            }
        }
        if (target == EngagementState.COMPLETED) {
            Integer reportVersion = jdbc.sql("select version from after_action_reports where engagement_id = ?")
                    .param(e.id()).query(Integer.class).optional().orElse(null);
            if (reportVersion == null || reportVersion < 1) {
                throw new ConflictException("the engagement cannot be completed before its after-action report is "
                        + "reviewed and saved");
            }
        }
    }

    private void recordTransition(long id, EngagementState from, EngagementState to, String actor, String reason, Instant at) {
        jdbc.sql("insert into engagement_transitions (engagement_id, from_state, to_state, actor, reason, occurred_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(id, from == null ? null : from.name(), to.name(), actor, reason, ts(at)).update();
    }

    private void writeServices(long id, List<Service> scope) {
        for (Service s : scope) {
            jdbc.sql("insert into engagement_services (engagement_id, service_id) values (?, ?)").params(id, s.id()).update();
        }
    }

    static String label(Engagement e) {
        return "#" + e.id() + " " + e.title();
    }

    private static void requireVersion(Engagement e, Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "send the engagement's version you saw");
        }
        if (version != e.version()) {
            throw new StaleVersionException(TYPE, String.valueOf(e.id()), version, e.version());
        }
    }

    private void requireUpdated(int n, Engagement before) {
        if (n == 0) {
            Engagement now = get(before.id());
            throw new StaleVersionException(TYPE, String.valueOf(before.id()), before.version(), now.version());
        }
    }

    private record Checked(Team team, String title, List<Service> services, Engagement.Intake intake) {
    }

    private Checked check(Proposal p, String fixedTeam) {
        List<FieldProblem> problems = new ArrayList<>();
        Team team = null;
        String teamName = fixedTeam != null ? fixedTeam : p.team() == null ? null : p.team().trim();
        if (teamName == null || teamName.isEmpty()) {
            problems.add(new FieldProblem("team", "name the team"));
        } else {
            team = teams.find(teamName).orElse(null);
            if (team == null) {
                problems.add(new FieldProblem("team", "no team named '" + teamName + "'"));
            } else if (fixedTeam == null && p.team() != null && !p.team().trim().equals(teamName)) {
                problems.add(new FieldProblem("team", "the team of an engagement cannot change"));
            }
        }
        String title = p.title() == null || p.title().isBlank()
                ? (team == null ? null : team.label() + " engagement") : p.title().trim();
        if (title != null && title.length() > 200) {
            problems.add(new FieldProblem("title", "at most 200 characters"));
        }
        List<Service> scope = new ArrayList<>();
        List<String> names = p.services() == null ? List.of() : p.services();
        if (names.size() > MAX_SERVICES) {
            problems.add(new FieldProblem("services", "at most " + MAX_SERVICES + " services"));
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i) == null ? "" : names.get(i).trim();
                if (name.isEmpty() || !seen.add(name)) {
                    continue;
                }
                Optional<Service> s = services.find(name);
                if (s.isEmpty()) {
                    problems.add(new FieldProblem("services[" + i + "]", "no service named '" + name + "'"));
                } else if (team != null && !team.name().equals(s.get().owner())) {
                    problems.add(new FieldProblem("services[" + i + "]", "'" + name + "' is owned by "
                            + (s.get().owner() == null ? "no team" : "team '" + s.get().owner() + "'")
                            + ", not by '" + team.name() + "'"));
                } else {
                    scope.add(s.get());
                }
            }
        }
        text(problems, "pain", p.pain());
        text(problems, "hopes", p.hopes());
        int incidents = range(problems, "incidents", p.incidents(), 0, 0, 100_000);
        int misses = range(problems, "sloMisses", p.sloMisses(), 0, 0, 100_000);
        int toil = range(problems, "toilPercent", p.toilPercent(), 0, 0, 100);
        int willingness = range(problems, "willingness", p.willingness(), 3, 1, 5);
        int motivation = range(problems, "motivation", p.motivation(), 3, 1, 5);
        int risk = range(problems, "risk", p.risk(), 3, 1, 5);
        Relationship relationship = Relationship.NONE;
        if (p.relationship() != null && !p.relationship().isBlank()) {
            try {
                relationship = Relationship.parse("relationship", p.relationship());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(team, title, scope, new Engagement.Intake(blank(p.pain()), incidents, misses, toil,
                p.upcomingLaunch(), blank(p.hopes()), willingness, motivation, relationship, risk));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void text(List<FieldProblem> problems, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "at most " + MAX_TEXT + " characters"));
        }
    }

    private static int range(List<FieldProblem> problems, String field, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            problems.add(new FieldProblem(field, "between " + min + " and " + max));
            return fallback;
        }
        return value;
    }
}
