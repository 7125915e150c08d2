package dev.tandem.engagement;

import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.People;
import dev.tandem.engagement.internal.EngagementRows;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.tandem.engagement.internal.EngagementRows.sqlDate;
import static dev.tandem.engagement.internal.EngagementRows.ts;

/** The engagement's journal. The embedded SREs, the team's members and managers write it; everyone reads it. */
@Component
public class Journal {

    static final String TYPE = "journal-entry";
    static final int MAX_BODY = 20_000;

    private static final RowMapper<JournalEntry> ROW = (rs, n) -> new JournalEntry(rs.getLong("id"),
            rs.getLong("engagement_id"), EngagementRows.date(rs, "entry_date"), JournalEntry.Kind.valueOf(rs.getString("kind")),
            rs.getString("title"), rs.getString("body"), rs.getString("url"), rs.getString("assignee"), rs.getBoolean("done"),
            rs.getString("author"), EngagementRows.instant(rs, "created_at"), EngagementRows.instant(rs, "updated_at"),
            rs.getInt("version"));

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final EngagementAccess access;
    private final People people;
    private final AuditLog audit;

    Journal(JdbcClient jdbc, Engagements engagements, EngagementAccess access, People people, AuditLog audit) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.access = access;
        this.people = people;
        this.audit = audit;
    }

    /** Newest first. */
    public List<JournalEntry> entries(long engagementId) {
        engagements.get(engagementId);
        return jdbc.sql("select * from journal_entries where engagement_id = ? order by entry_date desc, id desc")
                .param(engagementId).query(ROW).list();
    }

    public JournalEntry get(long engagementId, long entryId) {
        return jdbc.sql("select * from journal_entries where engagement_id = ? and id = ?").params(engagementId, entryId)
                .query(ROW).optional().orElseThrow(() -> new NotFoundException(TYPE, String.valueOf(entryId)));
    }

    @Transactional
    public JournalEntry add(long engagementId, JournalEntry.Draft draft) {
        Engagement e = engagements.get(engagementId);
        access.requireEdit(e, "write in the journal");
        requireOpen(e);
        Checked c = check(draft);
        Instant now = Instant.now();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into journal_entries (engagement_id, entry_date, kind, title, body, url, assignee, done, author,
                  created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(engagementId, sqlDate(c.date), c.kind.name(), c.title, c.body, c.url, c.assignee, c.done,
                        Actor.current().username(), ts(now), ts(now))
                .update(keys, "id");
        JournalEntry entry = get(engagementId, keys.getKeyAs(Number.class).longValue());
        audit.record("create", TYPE, Engagements.label(e), entry.kind().label() + ": " + entry.title(), null, entry);
        return entry;
    }

    @Transactional
    public JournalEntry update(long engagementId, long entryId, JournalEntry.Draft draft) {
        Engagement e = engagements.get(engagementId);
        access.requireEdit(e, "write in the journal");
        JournalEntry before = get(engagementId, entryId);
        if (draft.version() == null) {
            throw new InvalidInputException("version", "send the entry's version you edited");
        }
        Checked c = check(draft);
        int n = jdbc.sql("""
                update journal_entries set entry_date = ?, kind = ?, title = ?, body = ?, url = ?, assignee = ?, done = ?,
                  updated_at = ?, version = version + 1 where id = ? and engagement_id = ? and version = ?""")
                .params(sqlDate(c.date), c.kind.name(), c.title, c.body, c.url, c.assignee, c.done, ts(Instant.now()),
                        entryId, engagementId, draft.version())
                .update();
        if (n == 0) {
            throw new StaleVersionException(TYPE, String.valueOf(entryId), draft.version(), before.version());
        }
        JournalEntry after = get(engagementId, entryId);
        audit.record("update", TYPE, Engagements.label(e), after.kind().label() + ": " + after.title(), before, after);
        return after;
    }

    @Transactional
    public void delete(long engagementId, long entryId, Integer version) {
        Engagement e = engagements.get(engagementId);
        access.requireEdit(e, "write in the journal");
        JournalEntry before = get(engagementId, entryId);
        if (version == null) {
            throw new InvalidInputException("version", "send the entry's version you saw");
        }
        int n = jdbc.sql("delete from journal_entries where id = ? and engagement_id = ? and version = ?")
                .params(entryId, engagementId, version).update();
        if (n == 0) {
            throw new StaleVersionException(TYPE, String.valueOf(entryId), version, before.version());
        }
        audit.record("delete", TYPE, Engagements.label(e), before.kind().label() + ": " + before.title(), before, null);
    }

    private static void requireOpen(Engagement e) {
        if (e.state() == EngagementState.DECLINED || e.state() == EngagementState.CANCELLED) {
            throw new ConflictException("the engagement is " + e.state().label() + "; its journal is closed");
        }
    }

    private record Checked(LocalDate date, JournalEntry.Kind kind, String title, String body, String url,
                           String assignee, boolean done) {
    }

    private Checked check(JournalEntry.Draft d) {
        List<FieldProblem> problems = new ArrayList<>();
        JournalEntry.Kind kind = d.kind() == null || d.kind().isBlank() ? JournalEntry.Kind.NOTE : JournalEntry.Kind.parse(d.kind());
        if (kind == null) {
            problems.add(new FieldProblem("kind", "unknown kind '" + d.kind() + "'; use note, decision, fix or link"));
        }
        String title = d.title() == null ? "" : d.title().trim();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "give the entry a title"));
        } else if (title.length() > 200) {
            problems.add(new FieldProblem("title", "at most 200 characters"));
        }
        String body = d.body() == null || d.body().isBlank() ? null : d.body().strip();
        if (body != null && body.length() > MAX_BODY) {
            problems.add(new FieldProblem("body", "at most " + MAX_BODY + " characters"));
        }
        String url = d.url() == null || d.url().isBlank() ? null : d.url().trim();
        if (url != null && !isWebLink(url)) {
            problems.add(new FieldProblem("url", "an http or https address"));
        }
        if (kind == JournalEntry.Kind.LINK && url == null) {
            problems.add(new FieldProblem("url", "a link entry needs its address"));
        }
        String assignee = d.assignee() == null || d.assignee().isBlank() ? null : d.assignee().trim();
        if (assignee != null && people.find(assignee).isEmpty()) {
            problems.add(new FieldProblem("assignee", "no person named '" + assignee + "'"));
        }
        if (kind == JournalEntry.Kind.FIX && assignee == null) {
            problems.add(new FieldProblem("assignee", "a fix is handed to a team member: name them"));
        }
        LocalDate date = d.date() == null ? LocalDate.now(ZoneOffset.UTC) : d.date();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(date, kind, title, body, url, assignee, Boolean.TRUE.equals(d.done()));
    }

    static boolean isWebLink(String url) {
        if (url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
