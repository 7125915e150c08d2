package dev.tandem.engagement;

import dev.tandem.audit.AuditLog;
import dev.tandem.engagement.internal.EngagementRows;
import dev.tandem.engagement.internal.ReportDraft;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.tandem.engagement.internal.EngagementRows.ts;

/**
 * After-action reports. Entering the exit drafts one; the embedded SREs, the team and managers edit it;
 * it can be redrafted from the current data (replacing the text, as a new version) and exported as Markdown.
 */
@Component
public class AfterActionReports {

    static final String TYPE = "after-action-report";
    public static final int MAX_BODY = 200_000;

    private static final RowMapper<AfterActionReport> ROW = (rs, n) -> new AfterActionReport(rs.getLong("engagement_id"),
            rs.getString("body"), EngagementRows.instant(rs, "drafted_at"), rs.getString("updated_by"),
            EngagementRows.instant(rs, "updated_at"), rs.getInt("version"));

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final Charters charters;
    private final Journal journal;
    private final EngagementAccess access;
    private final List<ReportSection> sections;
    private final AuditLog audit;

    AfterActionReports(JdbcClient jdbc, Engagements engagements, Charters charters, Journal journal,
                       EngagementAccess access, List<ReportSection> sections, AuditLog audit) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.charters = charters;
        this.journal = journal;
        this.access = access;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ReportSection::order)).toList();
        this.audit = audit;
    }

    public Optional<AfterActionReport> find(long engagementId) {
        return jdbc.sql("select * from after_action_reports where engagement_id = ?").param(engagementId).query(ROW).optional();
    }

    /** A fresh draft from the current data, not stored. */
    public String draft(long engagementId) {
        Engagement e = engagements.get(engagementId);
        return ReportDraft.markdown(e, charters.current(engagementId).orElse(null), journal.entries(engagementId),
                engagements.transitions(engagementId),
                sections.stream().map(s -> s.markdown(e)).flatMap(Optional::stream).toList());
    }

    /** Exiting asks for the report: its first draft is waiting when the engagement gets there. */
    @EventListener
    void onExit(EngagementStateChanged event) {
        if (event.to() == EngagementState.EXITING && find(event.engagementId()).isEmpty()) {
            Instant now = Instant.now();
            jdbc.sql("insert into after_action_reports (engagement_id, body, drafted_at, updated_by, updated_at, version) "
                            + "values (?, ?, ?, ?, ?, 0)")
                    .params(event.engagementId(), draft(event.engagementId()), ts(now), event.actor(), ts(now)).update();
        }
    }

    @Transactional
    public AfterActionReport save(long engagementId, String body, Integer version) {
        Engagement e = engagements.get(engagementId);
        access.requireEdit(e, "write the after-action report");
        if (e.state() != EngagementState.EXITING && e.state() != EngagementState.COMPLETED) {
            throw new ConflictException("the after-action report is written at the exit; the engagement is "
                    + e.state().label());
        }
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "the report is empty");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "at most " + MAX_BODY + " characters");
        }
        if (version == null) {
            throw new InvalidInputException("version", "send the report's version you edited");
        }
        Optional<AfterActionReport> before = find(engagementId);
        Instant now = Instant.now();
        String actor = Actor.current().username();
        if (before.isEmpty()) {
            if (version != 0) {
                throw new StaleVersionException(TYPE, String.valueOf(engagementId), version, 0);
            }
            jdbc.sql("insert into after_action_reports (engagement_id, body, drafted_at, updated_by, updated_at, version) "
                    + "values (?, ?, ?, ?, ?, 1)").params(engagementId, body, ts(now), actor, ts(now)).update();
        } else {
            int n = jdbc.sql("update after_action_reports set body = ?, updated_by = ?, updated_at = ?, version = version + 1 "
                            + "where engagement_id = ? and version = ?")
                    .params(body, actor, ts(now), engagementId, version).update();
            if (n == 0) {
                throw new StaleVersionException(TYPE, String.valueOf(engagementId), version, before.get().version());
            }
        }
        AfterActionReport after = find(engagementId).orElseThrow(() -> new NotFoundException(TYPE, String.valueOf(engagementId)));
        audit.record(before.isEmpty() ? "create" : "update", TYPE, Engagements.label(e), null, before.orElse(null), after);
        return after;
    }

    /** Replaces the text with a fresh draft; a new version, so the edited text stays in the audit log. */
    @Transactional
    public AfterActionReport redraft(long engagementId, Integer version) {
        return save(engagementId, draft(engagementId), version);
    }
}
