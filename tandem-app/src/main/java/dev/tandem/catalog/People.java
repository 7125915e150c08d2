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
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** People of the organisation. SREs and admins maintain them (or import them from Backstage). */
@Component
public class People {

    private static final String TYPE = "person";
    private static final Map<String, String> SORTS = Map.of("name", "name",
            "displayName", "lower(coalesce(display_name, name))", "role", "role", "email", "email");
    private static final RowMapper<Person> ROW = (rs, n) -> new Person(rs.getLong("id"), rs.getString("name"),
            rs.getString("display_name"), rs.getString("email"), PersonRole.valueOf(rs.getString("role")), List.of(),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getInt("version"));

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AuditLog audit;

    People(JdbcClient jdbc, AccessPolicy policy, AuditLog audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
    }

    public Page<Person> list(String search, PersonRole role, PageRequest request) {
        StringBuilder where = new StringBuilder(" where 1=1");
        List<Object> params = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(name) like ? escape '\\' or lower(coalesce(display_name,'')) like ? escape '\\'"
                    + " or lower(coalesce(email,'')) like ? escape '\\')");
            for (int i = 0; i < 3; i++) {
                params.add(Sql.contains(search));
            }
        }
        if (role != null) {
            where.append(" and role = ?");
            params.add(role.name());
        }
        String order = SORTS.getOrDefault(request.sort() == null ? "name" : request.sort(), "name")
                + (request.descending() ? " desc" : " asc") + ", name";
        Page<Person> page = PagedQuery.page(jdbc, "select count(*) from people" + where,
                "select * from people" + where + " order by " + order, params, request, ROW);
        return new Page<>(withTeams(page.items()), page.page(), page.size(), page.totalItems());
    }

    public Optional<Person> find(String name) {
        return jdbc.sql("select * from people where name = ?").param(name).query(ROW).optional()
                .map(p -> withTeams(List.of(p)).get(0));
    }

    public Person get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException(TYPE, name));
    }

    private List<Person> withTeams(List<Person> people) {
        if (people.isEmpty()) {
            return people;
        }
        Map<Long, List<String>> teams = new java.util.HashMap<>();
        String ids = String.join(",", people.stream().map(p -> "?").toList());
        jdbc.sql("select m.person_id, t.name from team_members m join teams t on t.id = m.team_id where m.person_id in ("
                        + ids + ") order by t.name")
                .params(people.stream().map(p -> (Object) p.id()).toList())
                .query(rs -> {
                    teams.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return people.stream().map(p -> new Person(p.id(), p.name(), p.displayName(), p.email(), p.role(),
                List.copyOf(teams.getOrDefault(p.id(), List.of())), p.createdAt(), p.updatedAt(), p.version())).toList();
    }

    @Transactional
    public Person create(PersonDraft draft) {
        policy.requireCurator();
        if (find(draft.name()).isPresent()) {
            throw new ConflictException("person '" + draft.name() + "' already exists");
        }
        jdbc.sql("""
                insert into people (name, display_name, email, role, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, 0)""")
                .params(draft.name(), Sql.blankToNull(draft.displayName()), Sql.blankToNull(draft.email()),
                        draft.role().name(), Sql.now(), Sql.now())
                .update();
        Person created = get(draft.name());
        audit.record("create", TYPE, created.name(), null, created);
        return created;
    }

    @Transactional
    public Person update(String name, PersonDraft draft, int expectedVersion, boolean fromIfMatch) {
        policy.requireCurator();
        Person before = get(name);
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(TYPE, name, expectedVersion, before.version(), fromIfMatch);
        }
        if (!name.equals(draft.name())) {
            throw new InvalidInputException("name", "a person's name cannot be changed; it links them to their account");
        }
        int changed = jdbc.sql("""
                update people set display_name = ?, email = ?, role = ?, updated_at = ?, version = version + 1
                where name = ? and version = ?""")
                .params(Sql.blankToNull(draft.displayName()), Sql.blankToNull(draft.email()), draft.role().name(),
                        Sql.now(), name, expectedVersion)
                .update();
        if (changed == 0) {
            throw new StaleVersionException(TYPE, name, expectedVersion, get(name).version(), fromIfMatch);
        }
        Person after = get(name);
        audit.record("update", TYPE, name, before, after);
        return after;
    }

    @Transactional
    public void delete(String name, Integer expectedVersion) {
        policy.requireCurator();
        Person before = get(name);
        if (expectedVersion != null && before.version() != expectedVersion) {
            throw new StaleVersionException(TYPE, name, expectedVersion, before.version(), true);
        }
        jdbc.sql("delete from people where id = ?").param(before.id()).update();
        audit.record("delete", TYPE, name, before, null);
    }
}
