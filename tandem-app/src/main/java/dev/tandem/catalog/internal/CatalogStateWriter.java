package dev.tandem.catalog.internal;

import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.ImportOutcome;
import dev.tandem.catalog.ImportedEntity;
import dev.tandem.catalog.internal.CatalogState.ApiState;
import dev.tandem.catalog.internal.CatalogState.DomainState;
import dev.tandem.catalog.internal.CatalogState.Membership;
import dev.tandem.catalog.internal.CatalogState.PersonState;
import dev.tandem.catalog.internal.CatalogState.ResourceState;
import dev.tandem.catalog.internal.CatalogState.ServiceState;
import dev.tandem.catalog.internal.CatalogState.SystemState;
import dev.tandem.catalog.internal.CatalogState.TeamState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the difference between the stored catalog and a file's entities, in batches, in dependency
 * order (teams before what they own, services before their relations). The caller's transaction makes
 * it all-or-nothing; a dry run computes the outcomes and writes nothing.
 */
@Component
public class CatalogStateWriter {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    CatalogStateWriter(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The plan for one kind: what to insert and what to update, and the outcome of every entity. */
    private record Diff<S>(List<S> inserts, List<S> updates) {
    }

    public List<ImportedEntity> apply(CatalogState stored, CatalogState desired, Set<String> peopleInFile, boolean dryRun) {
        List<ImportedEntity> outcomes = new ArrayList<>();
        List<AuditLog.Change> changes = new ArrayList<>();
        Timestamp now = Sql.now();

        Map<String, Set<String>> storedTeamsOf = teamsByPerson(stored.memberships());
        Map<String, Set<String>> desiredTeamsOf = teamsByPerson(desired.memberships());
        Diff<TeamState> teams = diff("Group", "team", stored.teams(), desired.teams(), outcomes, changes, s -> false);
        Diff<PersonState> people = diff("User", "person", stored.people(), desired.people(), outcomes, changes,
                p -> !desiredTeamsOf.getOrDefault(p.name(), Set.of()).equals(storedTeamsOf.getOrDefault(p.name(), Set.of())));
        Diff<DomainState> domains = diff("Domain", "domain", stored.domains(), desired.domains(), outcomes, changes, s -> false);
        Diff<SystemState> systems = diff("System", "system", stored.systems(), desired.systems(), outcomes, changes, s -> false);
        Diff<ResourceState> resources = diff("Resource", "resource", stored.resources(), desired.resources(), outcomes, changes, s -> false);
        Diff<ApiState> apis = diff("API", "api", stored.apis(), desired.apis(), outcomes, changes, s -> false);
        Diff<ServiceState> services = diff("Component", "service", stored.services(), desired.services(), outcomes, changes, s -> false);
        if (dryRun) {
            return outcomes;
        }
        writeTeams(teams, now);
        writePeople(people, now);
        writeMemberships(stored, desired, peopleInFile);
        Map<String, Long> teamIds = ids("teams");
        writeDomains(domains, teamIds, now);
        Map<String, Long> domainIds = ids("domains");
        writeSystems(systems, teamIds, domainIds, now);
        Map<String, Long> systemIds = ids("systems");
        writeResources(resources, teamIds, systemIds, now);
        writeApis(apis, teamIds, systemIds, now);
        writeServices(services, teamIds, systemIds, now);
        audit.recordAll(changes);
        if (!services.inserts().isEmpty() || !services.updates().isEmpty()) {
            // last, so the row is locked only from here to the commit (every service edit raises it too)
            jdbc.update("update catalog_revision set revision = revision + 1 where id = 1");
        }
        return outcomes;
    }

    private <S> Diff<S> diff(String kind, String auditType, Map<String, S> stored, Map<String, S> desired,
                             List<ImportedEntity> outcomes, List<AuditLog.Change> changes,
                             java.util.function.Predicate<S> changedElsewhere) {
        List<S> inserts = new ArrayList<>();
        List<S> updates = new ArrayList<>();
        desired.forEach((name, state) -> {
            S before = stored.get(name);
            if (before == null) {
                inserts.add(state);
                outcomes.add(new ImportedEntity(kind, name, ImportOutcome.CREATED, null));
                changes.add(new AuditLog.Change("import-create", auditType, name, null, null, state));
            } else if (!before.equals(state) || changedElsewhere.test(state)) {
                updates.add(state);
                outcomes.add(new ImportedEntity(kind, name, ImportOutcome.UPDATED, null));
                changes.add(new AuditLog.Change("import-update", auditType, name, null, before, state));
            } else {
                outcomes.add(new ImportedEntity(kind, name, ImportOutcome.UNCHANGED, null));
            }
        });
        return new Diff<>(inserts, updates);
    }

    private void writeTeams(Diff<TeamState> diff, Timestamp now) {
        batch("""
                insert into teams (name, display_name, description, chat_channel, email, team_type, meta, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", diff.inserts(), t -> new Object[] {t.name(), t.displayName(),
                t.description(), t.chatChannel(), t.email(), type(t.type()), CatalogStateReader.metaJson(t.meta()), now, now});
        batch("""
                update teams set display_name = ?, description = ?, chat_channel = ?, email = ?, team_type = ?, meta = ?,
                  updated_at = ?, version = version + 1 where name = ?""", diff.updates(), t -> new Object[] {
                t.displayName(), t.description(), t.chatChannel(), t.email(), type(t.type()),
                CatalogStateReader.metaJson(t.meta()), now, t.name()});
        List<TeamState> all = new ArrayList<>(diff.inserts());
        all.addAll(diff.updates());
        batch("update teams set parent_id = (select p.id from teams p where p.name = ?) where name = ?", all,
                t -> new Object[] {t.parent(), t.name()});
    }

    private void writePeople(Diff<PersonState> diff, Timestamp now) {
        batch("""
                insert into people (name, display_name, email, role, meta, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 0)""", diff.inserts(), p -> new Object[] {p.name(), p.displayName(), p.email(),
                p.role(), CatalogStateReader.metaJson(p.meta()), now, now});
        batch("""
                update people set display_name = ?, email = ?, role = ?, meta = ?, updated_at = ?, version = version + 1
                where name = ?""", diff.updates(), p -> new Object[] {p.displayName(), p.email(), p.role(),
                CatalogStateReader.metaJson(p.meta()), now, p.name()});
    }

    /**
     * A person described in the file belongs to exactly the teams the file names; other people keep
     * their memberships and gain the ones the file's groups list. Existing roles (leads) are kept.
     */
    private void writeMemberships(CatalogState stored, CatalogState desired, Set<String> peopleInFile) {
        List<Membership> removed = stored.memberships().stream()
                .filter(m -> peopleInFile.contains(m.person()) && !desired.memberships().contains(m)).toList();
        List<Membership> added = desired.memberships().stream().filter(m -> !stored.memberships().contains(m)).toList();
        batch("""
                delete from team_members where team_id = (select id from teams where name = ?)
                  and person_id = (select id from people where name = ?)""", removed,
                m -> new Object[] {m.team(), m.person()});
        batch("""
                insert into team_members (team_id, person_id, role)
                values ((select id from teams where name = ?), (select id from people where name = ?), 'MEMBER')""", added,
                m -> new Object[] {m.team(), m.person()});
    }

    private void writeDomains(Diff<DomainState> diff, Map<String, Long> teams, Timestamp now) {
        batch("""
                insert into domains (name, title, description, owner_team_id, meta, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 0)""", diff.inserts(), d -> new Object[] {d.name(), d.title(), d.description(),
                teams.get(d.owner()), CatalogStateReader.metaJson(d.meta()), now, now});
        batch("""
                update domains set title = ?, description = ?, owner_team_id = ?, meta = ?, updated_at = ?, version = version + 1
                where name = ?""", diff.updates(), d -> new Object[] {d.title(), d.description(), teams.get(d.owner()),
                CatalogStateReader.metaJson(d.meta()), now, d.name()});
    }

    private void writeSystems(Diff<SystemState> diff, Map<String, Long> teams, Map<String, Long> domains, Timestamp now) {
        batch("""
                insert into systems (name, title, description, owner_team_id, domain_id, meta, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)""", diff.inserts(), s -> new Object[] {s.name(), s.title(), s.description(),
                teams.get(s.owner()), idOrNull(domains, s.domain()), CatalogStateReader.metaJson(s.meta()), now, now});
        batch("""
                update systems set title = ?, description = ?, owner_team_id = ?, domain_id = ?, meta = ?, updated_at = ?,
                  version = version + 1 where name = ?""", diff.updates(), s -> new Object[] {s.title(), s.description(),
                teams.get(s.owner()), idOrNull(domains, s.domain()), CatalogStateReader.metaJson(s.meta()), now, s.name()});
    }

    private void writeResources(Diff<ResourceState> diff, Map<String, Long> teams, Map<String, Long> systems, Timestamp now) {
        batch("""
                insert into resources (name, title, description, resource_type, owner_team_id, system_id, meta, created_at,
                  updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", diff.inserts(), r -> new Object[] {r.name(),
                r.title(), r.description(), r.type(), teams.get(r.owner()), idOrNull(systems, r.system()),
                CatalogStateReader.metaJson(r.meta()), now, now});
        batch("""
                update resources set title = ?, description = ?, resource_type = ?, owner_team_id = ?, system_id = ?, meta = ?,
                  updated_at = ?, version = version + 1 where name = ?""", diff.updates(), r -> new Object[] {r.title(),
                r.description(), r.type(), teams.get(r.owner()), idOrNull(systems, r.system()),
                CatalogStateReader.metaJson(r.meta()), now, r.name()});
    }

    private void writeApis(Diff<ApiState> diff, Map<String, Long> teams, Map<String, Long> systems, Timestamp now) {
        batch("""
                insert into apis (name, title, description, api_type, lifecycle, owner_team_id, system_id, definition, meta,
                  created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", diff.inserts(),
                a -> new Object[] {a.name(), a.title(), a.description(), a.type(), a.lifecycle(), teams.get(a.owner()),
                        idOrNull(systems, a.system()), a.definition(), CatalogStateReader.metaJson(a.meta()), now, now});
        batch("""
                update apis set title = ?, description = ?, api_type = ?, lifecycle = ?, owner_team_id = ?, system_id = ?,
                  definition = ?, meta = ?, updated_at = ?, version = version + 1 where name = ?""", diff.updates(),
                a -> new Object[] {a.title(), a.description(), a.type(), a.lifecycle(), teams.get(a.owner()),
                        idOrNull(systems, a.system()), a.definition(), CatalogStateReader.metaJson(a.meta()), now, a.name()});
    }

    private void writeServices(Diff<ServiceState> diff, Map<String, Long> teams, Map<String, Long> systems, Timestamp now) {
        batch("""
                insert into services (name, title, description, service_type, owner_team_id, system_id, readiness_level,
                  lifecycle, tier, repository_url, runbook_url, tags, links, meta, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", diff.inserts(), s -> new Object[] {s.name(),
                s.title(), s.description(), s.type(), teams.get(s.owner()), idOrNull(systems, s.system()), s.level(),
                s.lifecycle(), s.tier(), s.repositoryUrl(), s.runbookUrl(), ServiceRows.tagsJson(s.tags()),
                ServiceRows.linksJson(s.links()), CatalogStateReader.metaJson(s.meta()), now, now});
        batch("""
                update services set title = ?, description = ?, service_type = ?, owner_team_id = ?, system_id = ?,
                  readiness_level = ?, lifecycle = ?, tier = ?, repository_url = ?, runbook_url = ?, tags = ?, links = ?,
                  meta = ?, updated_at = ?, version = version + 1 where name = ?""", diff.updates(), s -> new Object[] {
                s.title(), s.description(), s.type(), teams.get(s.owner()), idOrNull(systems, s.system()), s.level(),
                s.lifecycle(), s.tier(), s.repositoryUrl(), s.runbookUrl(), ServiceRows.tagsJson(s.tags()),
                ServiceRows.linksJson(s.links()), CatalogStateReader.metaJson(s.meta()), now, s.name()});
        if (diff.inserts().isEmpty() && diff.updates().isEmpty()) {
            return;
        }
        Map<String, Long> services = ids("services");
        Map<String, Long> resources = ids("resources");
        Map<String, Long> apis = ids("apis");
        List<ServiceState> touched = new ArrayList<>(diff.inserts());
        touched.addAll(diff.updates());
        for (String table : List.of("service_dependencies", "service_resources", "service_apis")) {
            batch("delete from " + table + " where service_id = ?", diff.updates(), s -> new Object[] {services.get(s.name())});
        }
        List<Object[]> deps = new ArrayList<>();
        List<Object[]> res = new ArrayList<>();
        List<Object[]> api = new ArrayList<>();
        for (ServiceState s : touched) {
            Long id = services.get(s.name());
            s.dependsOn().forEach(d -> deps.add(new Object[] {id, services.get(d)}));
            s.resources().forEach(r -> res.add(new Object[] {id, resources.get(r)}));
            s.providesApis().forEach(a -> api.add(new Object[] {id, apis.get(a), "PROVIDES"}));
            s.consumesApis().forEach(a -> api.add(new Object[] {id, apis.get(a), "CONSUMES"}));
        }
        rows("insert into service_dependencies (service_id, depends_on_id) values (?, ?)", deps);
        rows("insert into service_resources (service_id, resource_id) values (?, ?)", res);
        rows("insert into service_apis (service_id, api_id, relation) values (?, ?, ?)", api);
    }

    private Map<String, Long> ids(String table) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select id, name from " + table, rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        });
        return ids;
    }

    private <S> void batch(String sql, List<S> items, Function<S, Object[]> params) {
        if (!items.isEmpty()) {
            rows(sql, items.stream().map(params).toList());
        }
    }

    private void rows(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    private static Map<String, Set<String>> teamsByPerson(Set<Membership> memberships) {
        return memberships.stream().collect(Collectors.groupingBy(Membership::person,
                Collectors.mapping(Membership::team, Collectors.toSet())));
    }

    private static Long idOrNull(Map<String, Long> ids, String name) {
        return name == null ? null : Objects.requireNonNull(ids.get(name), () -> "unknown reference " + name);
    }

    private static String type(String type) {
        return type == null || type.isBlank() ? "team" : type;
    }
}
