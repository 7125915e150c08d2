package dev.tandem.audit;

import dev.tandem.shared.Actor;
import dev.tandem.shared.Json;
import dev.tandem.shared.Page;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.PagedQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only record of every change. Callers write inside their own transaction, so a change and
 * its audit entry are stored together or not at all.
 */
@Component
public class AuditLog {

    private static final int MAX_SNAPSHOT = 1_000_000;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public void record(String action, String entityType, String entityName, Object before, Object after) {
        record(action, entityType, entityName, null, before, after);
    }

    public void record(String action, String entityType, String entityName, String summary, Object before, Object after) {
        jdbc.sql("""
                insert into audit_log (occurred_at, actor, action, entity_type, entity_name, summary, before_json, after_json)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(Instant.now()), Actor.current().username(), action, entityType,
                        truncate(entityName, 200), truncate(summary, 1000), snapshot(before), snapshot(after))
                .update();
    }

    /** One change among many written together, as by an import. */
    public record Change(String action, String entityType, String entityName, String summary, Object before, Object after) {
    }

    /** Records many changes in one batch, all by the current actor at the same instant. */
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String actor = Actor.current().username();
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            rows.add(new Object[] {now, actor, c.action(), c.entityType(), truncate(c.entityName(), 200),
                    truncate(c.summary(), 1000), snapshot(c.before()), snapshot(c.after())});
        }
        jdbcTemplate.batchUpdate("""
                insert into audit_log (occurred_at, actor, action, entity_type, entity_name, summary, before_json, after_json)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public Page<AuditEntry> find(AuditQuery query, PageRequest request) {
        StringBuilder where = new StringBuilder(" where 1=1");
        List<Object> params = new ArrayList<>();
        if (query.entityType() != null && !query.entityType().isBlank()) {
            where.append(" and entity_type = ?");
            params.add(query.entityType());
        }
        if (query.entityName() != null && !query.entityName().isBlank()) {
            where.append(" and entity_name = ?");
            params.add(query.entityName());
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" and actor = ?");
            params.add(query.actor());
        }
        return PagedQuery.page(jdbc, "select count(*) from audit_log" + where, "select * from audit_log" + where
                        + " order by id " + (request.descending() || request.sort() == null ? "desc" : "asc"), params, request,
                (rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                        rs.getString("entity_name"), rs.getString("summary"), rs.getString("before_json"),
                        rs.getString("after_json")));
    }

    private static String snapshot(Object value) {
        if (value == null) {
            return null;
        }
        String json = value instanceof String s ? s : Json.write(value);
        return truncate(json, MAX_SNAPSHOT);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
