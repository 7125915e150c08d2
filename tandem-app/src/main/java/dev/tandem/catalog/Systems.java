package dev.tandem.catalog;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.internal.CatalogRevision;
import dev.tandem.catalog.internal.Sql;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
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
import java.util.Optional;

/** Systems: optional groupings of services, owned by a team. */
@Component
public class Systems {

    private static final String TYPE = "system";
    private static final String SELECT = """
            select y.*, t.name owner_name, d.name domain_name,
              (select count(*) from services s where s.system_id = y.id) service_count
            from systems y join teams t on t.id = y.owner_team_id left join domains d on d.id = y.domain_id""";
    private static final RowMapper<CatalogSystem> ROW = (rs, n) -> new CatalogSystem(rs.getLong("id"),
            rs.getString("name"), rs.getString("title"), rs.getString("description"), rs.getString("owner_name"),
            rs.getString("domain_name"), rs.getLong("service_count"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"), rs.getInt("version"));

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final CatalogRevision revision;

    Systems(JdbcClient jdbc, AccessPolicy policy, AuditLog audit, CatalogRevision revision) {
        this.revision = revision;
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
    }

    public Page<CatalogSystem> list(String search, PageRequest request) {
        String where = "";
        List<Object> params = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            where = " where lower(y.name) like ? escape '\\' or lower(coalesce(y.title,'')) like ? escape '\\'";
            params.add(Sql.contains(search));
            params.add(Sql.contains(search));
        }
        return PagedQuery.page(jdbc, "select count(*) from systems y" + where,
                SELECT + where + " order by y.name" + (request.descending() ? " desc" : ""), params, request, ROW);
    }

    public Optional<CatalogSystem> find(String name) {
        return jdbc.sql(SELECT + " where y.name = ?").param(name).query(ROW).optional();
    }

    public CatalogSystem get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException(TYPE, name));
    }

    @Transactional
    public CatalogSystem create(SystemDraft draft) {
        policy.requireChangeTeam(draft.owner());
        if (find(draft.name()).isPresent()) {
            throw new ConflictException("system '" + draft.name() + "' already exists");
        }
        long[] ids = resolve(draft);
        jdbc.sql("""
                insert into systems (name, title, description, owner_team_id, domain_id, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(draft.name(), Sql.blankToNull(draft.title()), Sql.blankToNull(draft.description()), ids[0],
                        ids[1] < 0 ? null : ids[1], Sql.now(), Sql.now())
                .update();
        CatalogSystem created = get(draft.name());
        audit.record("create", TYPE, created.name(), null, created);
        return created;
    }

    @Transactional
    public CatalogSystem update(String name, SystemDraft draft, int expectedVersion, boolean fromIfMatch) {
        CatalogSystem before = get(name);
        policy.requireMove(before.owner(), draft.owner());
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(TYPE, name, expectedVersion, before.version(), fromIfMatch);
        }
        if (!name.equals(draft.name())) {
            throw new InvalidInputException("name", "a system cannot be renamed; services refer to it by name");
        }
        long[] ids = resolve(draft);
        int changed = jdbc.sql("""
                update systems set title = ?, description = ?, owner_team_id = ?, domain_id = ?, updated_at = ?,
                  version = version + 1 where id = ? and version = ?""")
                .params(Sql.blankToNull(draft.title()), Sql.blankToNull(draft.description()), ids[0],
                        ids[1] < 0 ? null : ids[1], Sql.now(), before.id(), expectedVersion)
                .update();
        if (changed == 0) {
            throw new StaleVersionException(TYPE, name, expectedVersion, get(name).version(), fromIfMatch);
        }
        CatalogSystem after = get(name);
        audit.record("update", TYPE, name, before, after);
        return after;
    }

    @Transactional
    public void delete(String name, Integer expectedVersion) {
        CatalogSystem before = get(name);
        policy.requireChangeTeam(before.owner());
        if (expectedVersion != null && before.version() != expectedVersion) {
            throw new StaleVersionException(TYPE, name, expectedVersion, before.version(), true);
        }
        jdbc.sql("delete from systems where id = ?").param(before.id()).update();
        revision.raise(); // the services in it lose their system
        audit.record("delete", TYPE, name, before, null);
    }

    private long[] resolve(SystemDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        Long owner = jdbc.sql("select id from teams where name = ?").param(draft.owner()).query(Long.class).optional().orElse(null);
        if (owner == null) {
            problems.add(new FieldProblem("owner", "team '" + draft.owner() + "' does not exist"));
        }
        long domain = -1;
        if (draft.domain() != null && !draft.domain().isBlank()) {
            Long d = jdbc.sql("select id from domains where name = ?").param(draft.domain().trim()).query(Long.class)
                    .optional().orElse(null);
            if (d == null) {
                problems.add(new FieldProblem("domain", "domain '" + draft.domain() + "' does not exist"));
            } else {
                domain = d;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new long[] {owner, domain};
    }
}
