package dev.tandem.engagement;

import dev.tandem.audit.AuditLog;
import dev.tandem.engagement.internal.CriterionEvaluation;
import dev.tandem.engagement.internal.CriterionRows;
import dev.tandem.engagement.internal.Outcome;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exit criteria evaluated on live signals. Each criterion of a running (accepted or under way)
 * engagement is evaluated on a schedule ({@code tandem.engagements.evaluate-interval}, PT10M), when a
 * signal it reads changes (budget state, reviews, facts and scorecards, assessments, manual records, the
 * engagement's moves), and on demand. Its status is stored with when it last changed, and the last status
 * of every day is kept for the trend. Engagements that are not running show their last evaluation.
 *
 * <p>{@link #readiness(long)} reads stored rows only (a handful of queries), so the overview, the
 * after-action report and the program dashboard may call it freely.
 */
@Component
public class ExitCriteria {

    static final String TYPE = "exit-criterion";
    public static final int TREND_DAYS = 30;
    static final int MAX_EVIDENCE = 4000;
    static final int MAX_URL = 2000;

    private final Engagements engagements;
    private final Charters charters;
    private final EngagementAccess access;
    private final CriterionEvaluation evaluation;
    private final CriterionRows rows;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;
    private final double decisionBelow;
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    ExitCriteria(Engagements engagements, Charters charters, EngagementAccess access, CriterionEvaluation evaluation,
                 CriterionRows rows, AuditLog audit, ApplicationEventPublisher events, PlatformTransactionManager tm,
                 Environment env) {
        this.engagements = engagements;
        this.charters = charters;
        this.access = access;
        this.evaluation = evaluation;
        this.rows = rows;
        this.audit = audit;
        this.events = events;
        this.newTransaction = new TransactionTemplate(tm);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.decisionBelow = env.getProperty("tandem.engagements.decision-below", Double.class,
                ExitReadiness.DEFAULT_DECISION_BELOW);
    }

    /**
     * The engagement's exit readiness from the stored statuses. A running engagement whose criteria were
     * never evaluated (a charter just saved) is evaluated first.
     */
    public ExitReadiness readiness(long engagementId) {
        Engagement e = engagements.get(engagementId);
        Optional<Charter> charter = charters.current(engagementId);
        List<ExitCriterion> criteria = charter.map(Charter::exitCriteria).orElse(List.of());
        Map<String, CriterionRows.Stored> stored = rows.statuses(engagementId);
        if (e.state().committed() && (criteria.stream().anyMatch(c -> !stored.containsKey(c.key()))
                || changedSince(charter, stored))) {
            return evaluate(e);
        }
        return assemble(e, criteria, stored, clock.instant(), charter);
    }

    /** The charter was saved after the last evaluation: its criteria may have changed under the same keys. */
    private static boolean changedSince(Optional<Charter> charter, Map<String, CriterionRows.Stored> stored) {
        Instant last = stored.values().stream().map(CriterionRows.Stored::evaluatedAt).min(Instant::compareTo).orElse(null);
        return last != null && charter.map(c -> c.savedAt().isAfter(last)).orElse(false);
    }

    /** The newest record of a manual criterion, if any. */
    public Optional<ManualRecord> lastRecord(long engagementId, String key) {
        return rows.latestManual(engagementId, key);
    }

    /** Evaluates now, for someone who may edit the engagement ("evaluate now"). */
    public ExitReadiness evaluateNow(long engagementId) {
        Engagement e = engagements.get(engagementId);
        access.requireEdit(e, "evaluate its exit criteria");
        if (!e.state().committed()) {
            throw new ConflictException("the engagement is " + e.state().label()
                    + "; exit criteria are evaluated while it is accepted or under way");
        }
        return evaluate(e);
    }

    /**
     * Evaluates a running engagement's criteria (without asking who wants it: the schedule and the signals'
     * events do, see {@code internal.EvaluationTriggers}).
     */
    public ExitReadiness evaluate(long engagementId) {
        return evaluate(engagements.get(engagementId));
    }

    private ExitReadiness evaluate(Engagement e) {
        synchronized (locks.computeIfAbsent(e.id(), k -> new Object())) {
            // milliseconds: what every database keeps exactly, so a stored `since` never lies after `now`
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<ExitCriterion> criteria = charters.criteria(e.id());
            if (!e.state().committed()) {
                return assemble(e, criteria, rows.statuses(e.id()), now, charters.current(e.id()));
            }
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            for (ExitCriterion c : criteria) {
                outcomes.put(c.key(), evaluation.evaluate(e.id(), c, now));
            }
            ExitReadinessChanged[] changed = new ExitReadinessChanged[1];
            ExitReadiness result = newTransaction.execute(status -> {
                Map<String, CriterionRows.Stored> before = rows.statuses(e.id());
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                for (ExitCriterion c : criteria) {
                    CriterionRows.Stored next = next(c.key(), before.get(c.key()), outcomes.get(c.key()), now);
                    rows.save(e.id(), next);
                    rows.day(e.id(), c.key(), today, next.state());
                }
                rows.keepOnly(e.id(), outcomes.keySet());
                ExitReadiness r = assemble(e, criteria, rows.statuses(e.id()), now, charters.current(e.id()));
                CriterionRows.Stage stage = new CriterionRows.Stage(r.stage(), r.needsDecision());
                Optional<CriterionRows.Stage> last = rows.stage(e.id());
                if (last.isEmpty() || !last.get().equals(stage)) {
                    rows.saveStage(e.id(), stage, now);
                    changed[0] = new ExitReadinessChanged(e.id(), e.team(), last.map(CriterionRows.Stage::stage).orElse(null),
                            r.stage(), r.needsDecision(), now);
                }
                return r;
            });
            if (changed[0] != null) {
                events.publishEvent(changed[0]);
            }
            return result;
        }
    }

    /** The new stored status: a stale signal keeps the last known state; `since` moves only when the state does. */
    static CriterionRows.Stored next(String key, CriterionRows.Stored before, Outcome o, Instant now) {
        if (o.stale() && before != null) {
            return new CriterionRows.Stored(key, before.state(), o.detail() + " (the last known state is shown)",
                    before.progress(), true, before.since(), now);
        }
        Instant since = before != null && before.state() == o.state() ? before.since() : now;
        return new CriterionRows.Stored(key, o.state(), o.detail(), o.progress(), o.stale(), since, now);
    }

    private ExitReadiness assemble(Engagement e, List<ExitCriterion> criteria, Map<String, CriterionRows.Stored> stored,
                                   Instant now, Optional<Charter> charter) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, List<CriterionStatus.Day>> days = rows.days(e.id(), today.minusDays(TREND_DAYS - 1));
        List<CriterionStatus> statuses = new ArrayList<>();
        for (ExitCriterion c : criteria) {
            statuses.add(status(c, stored.get(c.key()), days.getOrDefault(c.key(), List.of())));
        }
        int hold = charter.map(Charter::holdDays).orElse(Charter.DEFAULT_HOLD_DAYS);
        return ExitReadiness.of(e.id(), statuses, hold, e.plannedEnd(), e.state().committed(), decisionBelow, now,
                ZoneOffset.UTC);
    }

    private static CriterionStatus status(ExitCriterion c, CriterionRows.Stored s, List<CriterionStatus.Day> days) {
        if (s == null) {
            return new CriterionStatus(c.key(), c.kind(), c.describe(), CriterionState.NO_DATA, "not evaluated yet", null,
                    false, null, null, days);
        }
        return new CriterionStatus(c.key(), c.kind(), c.describe(), s.state(), s.detail(), s.progress(), s.stale(),
                s.since(), s.evaluatedAt(), days);
    }

    /** The criterion's current status, its days (up to {@code days} back) and, for a manual one, its records. */
    public CriterionHistory history(long engagementId, String key, int days) {
        Engagement e = engagements.get(engagementId);
        ExitCriterion c = criterion(engagementId, key);
        int span = Math.max(1, Math.min(days, 400));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<CriterionStatus.Day> trend = rows.days(engagementId, today.minusDays(span - 1)).getOrDefault(key, List.of());
        CriterionStatus current = readiness(e.id()).criteria().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow();
        return new CriterionHistory(engagementId, key, current, trend,
                c instanceof ExitCriterion.Manual ? rows.manualRecords(engagementId, key) : List.of());
    }

    /** Records a manual criterion as met (with evidence) or not met; the embedded SREs, the team and managers may. */
    public ManualRecord recordManual(long engagementId, String key, ManualInput input) {
        Engagement e = engagements.get(engagementId);
        access.requireEdit(e, "record exit criteria");
        ExitCriterion c = criterion(engagementId, key);
        if (!(c instanceof ExitCriterion.Manual)) {
            throw new ConflictException("criterion '" + key + "' is of kind " + c.kind()
                    + "; it is evaluated from its signal, not recorded by hand");
        }
        if (e.state().terminal()) {
            throw new ConflictException("the engagement is " + e.state().label() + "; its criteria can no longer change");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String evidence = blank(input.evidence());
        String url = blank(input.url());
        if (input.met() == null) {
            problems.add(new FieldProblem("met", "say whether the criterion is met (true or false)"));
        }
        if (evidence != null && evidence.length() > MAX_EVIDENCE) {
            problems.add(new FieldProblem("evidence", "at most " + MAX_EVIDENCE + " characters"));
        }
        if (url != null && !httpUrl(url)) {
            problems.add(new FieldProblem("url", "an http or https link of at most " + MAX_URL + " characters"));
        }
        if (Boolean.TRUE.equals(input.met()) && evidence == null && url == null) {
            problems.add(new FieldProblem("evidence", "a criterion recorded as met needs evidence: a text, a link or both"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = Actor.current().username();
        ManualRecord record = newTransaction.execute(status -> {
            Optional<ManualRecord> before = rows.latestManual(engagementId, key);
            ManualRecord r = rows.addManual(engagementId, key, input.met(), evidence, url, by, clock.instant());
            audit.record(r.met() ? "met" : "not-met", TYPE, Engagements.label(e) + " / " + key,
                    (r.met() ? "recorded as met" : "set back to not met") + ": " + c.describe(), before.orElse(null), r);
            return r;
        });
        if (e.state().committed()) {
            evaluate(e);
        }
        return record;
    }

    private ExitCriterion criterion(long engagementId, String key) {
        return charters.criteria(engagementId).stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("exit criterion", engagementId + "/" + key));
    }

    private static boolean httpUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception ex) {
            return false;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
