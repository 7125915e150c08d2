package dev.tandem.readiness;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.audit.AuditLog;
import dev.tandem.readiness.internal.ChecklistReader;
import dev.tandem.shared.Actor;
import dev.tandem.shared.Json;
import dev.tandem.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versioned checklists. Admins edit a checklist as YAML; importing a changed document stores a new
 * version, importing the same content again changes nothing. Versions never change once stored, so
 * parsed versions are cached.
 */
@Component
public class Checklists {

    public static final String DEFAULT = "default";
    private static final String TYPE = "checklist";

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final ReadinessChecks checks;
    private final Map<String, Checklist> parsed = new ConcurrentHashMap<>();

    Checklists(JdbcClient jdbc, AccessPolicy policy, AuditLog audit, ReadinessChecks checks) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
        this.checks = checks;
    }

    /** A stored version as listed: without its items. */
    public record Version(String name, int version, String title, int items, Instant createdAt, String createdBy) {
    }

    public List<Version> latestVersions() {
        return jdbc.sql("""
                select c.* from checklists c
                where c.version = (select max(version) from checklists x where x.name = c.name) order by c.name""")
                .query((rs, n) -> version(rs)).list();
    }

    public List<Version> versions(String name) {
        return jdbc.sql("select * from checklists where name = ? order by version desc").param(name)
                .query((rs, n) -> version(rs)).list();
    }

    private Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
        Checklist c = get(rs.getString("name"), rs.getInt("version"));
        return new Version(c.name(), c.version(), c.title(), c.items().size(),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    public Optional<Checklist> latest(String name) {
        return jdbc.sql("select max(version) from checklists where name = ?").param(name)
                .query(Integer.class).optional().map(v -> get(name, v));
    }

    public Checklist get(String name, int version) {
        return parsed.computeIfAbsent(name + "@" + version, key -> {
            Row row = jdbc.sql("select document, created_at, created_by from checklists where name = ? and version = ?")
                    .params(name, version)
                    .query((rs, n) -> new Row(rs.getString("document"), rs.getTimestamp("created_at").toInstant(),
                            rs.getString("created_by")))
                    .optional().orElseThrow(() -> new NotFoundException(TYPE, name + " version " + version));
            // stored documents were valid when imported; checks removed since then are tolerated
            Checklist c = new ChecklistReader(id -> true).read(row.document());
            return new Checklist(c.name(), version, c.title(), c.description(), c.categories(), c.items(),
                    row.createdAt(), row.createdBy());
        });
    }

    public String document(String name, int version) {
        return jdbc.sql("select document from checklists where name = ? and version = ?").params(name, version)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException(TYPE, name + " version " + version));
    }

    private record Row(String document, Instant createdAt, String createdBy) {
    }

    /** Imports a checklist document: a new version when its content differs from the latest one. */
    @Transactional
    public ChecklistImport importDocument(String text, boolean dryRun) {
        policy.requireAdmin();
        return store(text, dryRun, false);
    }

    /**
     * Stores Tandem's own default checklist on first start, or when a newer release changed it, unless an
     * admin has imported a version of their own since: their edits are never replaced.
     */
    @Transactional
    public void installDefault(String text) {
        Optional<String> lastAuthor = jdbc.sql("""
                select created_by from checklists where name = ? order by version desc limit 1""")
                .param(DEFAULT).query(String.class).optional();
        if (lastAuthor.isEmpty() || lastAuthor.get().equals(Actor.SYSTEM)) {
            Actor.runAs(Actor.system(), () -> store(text, false, true));
        }
    }

    /** {@code shipped}: Tandem's own checklist, whose check ids a unit test keeps in line with the registry. */
    private ChecklistImport store(String text, boolean dryRun, boolean shipped) {
        Checklist checklist = new ChecklistReader(shipped ? id -> true : checks::exists).read(text);
        String digest = digest(checklist);
        Optional<Integer> latest = jdbc.sql("select max(version) from checklists where name = ?")
                .param(checklist.name()).query(Integer.class).optional();
        if (latest.isPresent()) {
            String latestDigest = jdbc.sql("select digest from checklists where name = ? and version = ?")
                    .params(checklist.name(), latest.get()).query(String.class).single();
            if (latestDigest.equals(digest)) {
                return new ChecklistImport(checklist.name(), latest.get(), false, dryRun, checklist.items().size());
            }
        }
        int version = latest.orElse(0) + 1;
        if (!dryRun) {
            jdbc.sql("""
                    insert into checklists (name, version, title, description, document, digest, created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(checklist.name(), version, checklist.title(), checklist.description(), text, digest,
                            Timestamp.from(Instant.now()), Actor.current().username())
                    .update();
            audit.record("import", TYPE, checklist.name(), "version " + version + ", " + checklist.items().size() + " items",
                    null, Map.of("name", checklist.name(), "version", version, "items", checklist.items().size()));
        }
        return new ChecklistImport(checklist.name(), version, true, dryRun, checklist.items().size());
    }

    /** A digest of the content, not the text: comments and formatting do not make a new version. */
    private static String digest(Checklist checklist) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Json.write(checklist).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
