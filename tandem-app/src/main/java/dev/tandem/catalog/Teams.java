package dev.tandem.catalog;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.internal.Sql;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.Page;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.PagedQuery;
import dev.tandem.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Teams and their members. SREs and admins create and delete teams; a team's members may edit it. */
@Component
public class Teams {

    private static final String TYPE = "team";
    private static final Map<String, String> SORTS = Map.of(
            "name", "t.name", "displayName", "lower(coalesce(t.display_name, t.name))",
            "services", "service_count", "members", "member_count");

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AuditLog audit;

    Teams(JdbcClient jdbc, AccessPolicy policy, AuditLog audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
    }

    public Page<TeamSummary> list(String search, PageRequest request) {
        String where = "";
        List<Object> params = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            where = " where lower(t.name) like ? escape '\\' or lower(coalesce(t.display_name,'')) like ? escape '\\'";
            params.add(Sql.contains(search));
            params.add(Sql.contains(search));
        }
        String order = SORTS.getOrDefault(request.sort() == null ? "name" : request.sort(), "t.name")
                + (request.descending() ? " desc" : " asc") + ", t.name";
        return PagedQuery.page(jdbc, "select count(*) from teams t" + where, """
                select t.name, t.display_name, t.description, t.chat_channel,
                  (select count(*) from team_members m where m.team_id = t.id) member_count,
                  (select count(*) from services s where s.owner_team_id = t.id) service_count
                from teams t""" + where + " order by " + order, params, request,
                (rs, n) -> new TeamSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6)));
    }

    public Optional<Team> find(String name) {
        return jdbc.sql("select t.*, p.name parent_name from teams t left join teams p on p.id = t.parent_id where t.name = ?")
                .param(name)
                .query((rs, n) -> new Team(rs.getLong("id"), rs.getString("name"), rs.getString("display_name"),
                        rs.getString("description"), rs.getString("chat_channel"), rs.getString("email"),
                        rs.getString("team_type"), rs.getString("parent_name"), List.of(),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getInt("version")))
                .optional()
                .map(t -> new Team(t.id(), t.name(), t.displayName(), t.description(), t.chatChannel(), t.email(),
                        t.type(), t.parent(), members(t.id()), t.createdAt(), t.updatedAt(), t.version()));
    }

    public Team get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException(TYPE, name));
    }

    public boolean exists(String name) {
        return jdbc.sql("select count(*) from teams where name = ?").param(name).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from teams").query(Long.class).single();
    }

    /** Team names, for pickers: at most {@code limit}, alphabetical. */
    public List<String> names(int limit) {
        return jdbc.sql("select name from teams order by name limit ?").param(limit).query(String.class).list();
    }

    private List<Membership> members(long teamId) {
        return jdbc.sql("""
                select p.name, p.display_name, p.role person_role, m.role from team_members m
                join people p on p.id = m.person_id where m.team_id = ? order by m.role, p.name""")
                .param(teamId)
                .query((rs, n) -> new Membership(rs.getString(1), rs.getString(2),
                        PersonRole.valueOf(rs.getString(3)), MemberRole.valueOf(rs.getString(4))))
                .list();
    }

    @Transactional
    public Team create(TeamDraft draft) {
        policy.requireCurator();
        if (exists(draft.name())) {
            throw new ConflictException("team '" + draft.name() + "' already exists");
        }
        Long parentId = parentId(draft);
        jdbc.sql("""
                insert into teams (name, display_name, description, chat_channel, email, team_type, parent_id,
                  created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(draft.name(), Sql.blankToNull(draft.displayName()), Sql.blankToNull(draft.description()),
                        Sql.blankToNull(draft.chatChannel()), Sql.blankToNull(draft.email()), type(draft), parentId,
                        Sql.now(), Sql.now())
                .update();
        Team created = get(draft.name());
        audit.record("create", TYPE, created.name(), null, created);
        return created;
    }

    @Transactional
    public Team update(String name, TeamDraft draft, int expectedVersion, boolean fromIfMatch) {
        Team before = get(name);
        policy.requireChangeTeam(name);
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(TYPE, name, expectedVersion, before.version(), fromIfMatch);
        }
        if (!name.equals(draft.name())) {
            throw new InvalidInputException("name", "a team cannot be renamed here; its name is how other records refer to it");
        }
        Long parentId = parentId(draft);
        if (parentId != null && parentId == before.id()) {
            throw new InvalidInputException("parent", "a team cannot be its own parent");
        }
        int changed = jdbc.sql("""
                update teams set display_name = ?, description = ?, chat_channel = ?, email = ?, team_type = ?,
                  parent_id = ?, updated_at = ?, version = version + 1 where name = ? and version = ?""")
                .params(Sql.blankToNull(draft.displayName()), Sql.blankToNull(draft.description()),
                        Sql.blankToNull(draft.chatChannel()), Sql.blankToNull(draft.email()), type(draft), parentId,
                        Sql.now(), name, expectedVersion)
                .update();
        if (changed == 0) {
            throw new StaleVersionException(TYPE, name, expectedVersion, get(name).version(), fromIfMatch);
        }
        Team after = get(name);
        audit.record("update", TYPE, name, before, after);
        return after;
    }

    @Transactional
    public void delete(String name, Integer expectedVersion) {
        policy.requireCurator();
        Team before = get(name);
        if (expectedVersion != null && before.version() != expectedVersion) {
            throw new StaleVersionException(TYPE, name, expectedVersion, before.version(), true);
        }
        long owned = jdbc.sql("""
                select (select count(*) from services where owner_team_id = ?) + (select count(*) from systems where owner_team_id = ?)
                 + (select count(*) from resources where owner_team_id = ?) + (select count(*) from apis where owner_team_id = ?)
                 + (select count(*) from domains where owner_team_id = ?)""")
                .params(before.id(), before.id(), before.id(), before.id(), before.id()).query(Long.class).single();
        if (owned > 0) {
            throw new ConflictException("team '" + name + "' still owns " + owned
                    + " catalog record(s); give them another owner first");
        }
        jdbc.sql("delete from teams where id = ?").param(before.id()).update();
        audit.record("delete", TYPE, name, before, null);
    }

    @Transactional
    public Team setMember(String teamName, String personName, MemberRole role) {
        Team before = get(teamName);
        policy.requireChangeTeam(teamName);
        Long personId = jdbc.sql("select id from people where name = ?").param(personName).query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputException("person", "person '" + personName + "' does not exist"));
        MemberRole effective = role == null ? MemberRole.MEMBER : role;
        int updated = jdbc.sql("update team_members set role = ? where team_id = ? and person_id = ?")
                .params(effective.name(), before.id(), personId).update();
        if (updated == 0) {
            jdbc.sql("insert into team_members (team_id, person_id, role) values (?, ?, ?)")
                    .params(before.id(), personId, effective.name()).update();
        }
        touch(before);
        Team after = get(teamName);
        audit.record("set-member", TYPE, teamName, personName + " as " + effective.name().toLowerCase(), before, after);
        return after;
    }

    @Transactional
    public Team removeMember(String teamName, String personName) {
        Team before = get(teamName);
        policy.requireChangeTeam(teamName);
        int removed = jdbc.sql("delete from team_members where team_id = ? and person_id = (select id from people where name = ?)")
                .params(before.id(), personName).update();
        if (removed == 0) {
            throw new NotFoundException("member of team " + teamName, personName);
        }
        touch(before);
        Team after = get(teamName);
        audit.record("remove-member", TYPE, teamName, personName, before, after);
        return after;
    }

    private void touch(Team team) {
        jdbc.sql("update teams set version = version + 1, updated_at = ? where id = ?").params(Sql.now(), team.id()).update();
    }

    private Long parentId(TeamDraft draft) {
        if (draft.parent() == null || draft.parent().isBlank()) {
            return null;
        }
        return jdbc.sql("select id from teams where name = ?").param(draft.parent().trim()).query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputException("parent", "team '" + draft.parent() + "' does not exist"));
    }

    private static String type(TeamDraft draft) {
        return draft.type() == null || draft.type().isBlank() ? "team" : draft.type().trim();
    }
}
