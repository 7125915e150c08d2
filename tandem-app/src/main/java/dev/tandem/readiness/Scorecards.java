package dev.tandem.readiness;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.Service;
import dev.tandem.readiness.internal.RuleEvaluator;
import dev.tandem.readiness.internal.ScorecardEvaluation;
import dev.tandem.readiness.internal.ScorecardReader;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scorecards, defined as YAML by admins (rules as code). Levels per service are kept up to date: all at
 * once after an import and on schedule, one service whenever its facts or exemptions change.
 */
@Component
public class Scorecards {

    private static final String TYPE = "scorecard";

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final ReadinessChecks checks;
    private final Facts facts;
    private final ScorecardEvaluation evaluation;
    private final Map<String, Scorecard> parsed = new ConcurrentHashMap<>();

    Scorecards(JdbcClient jdbc, AccessPolicy policy, AuditLog audit, ReadinessChecks checks, Facts facts,
               ScorecardEvaluation evaluation) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
        this.checks = checks;
        this.facts = facts;
        this.evaluation = evaluation;
    }

    public List<Scorecard> all() {
        List<Scorecard> out = new ArrayList<>();
        jdbc.sql("select name, document, updated_at, version from scorecards order by name")
                .query((rs, n) -> parse(rs.getString("name"), rs.getString("document"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
                .list().forEach(out::add);
        return out;
    }

    public Optional<Scorecard> find(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Scorecard get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException(TYPE, name));
    }

    public String document(String name) {
        return jdbc.sql("select document from scorecards where name = ?").param(name).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException(TYPE, name));
    }

    private Scorecard parse(String name, String document, Instant updatedAt, int version) {
        Scorecard s = parsed.computeIfAbsent(name + "@" + version, k -> ScorecardReader.stored().read(document));
        return new Scorecard(s.name(), s.title(), s.description(), s.filter(), s.rules(), s.levels(), updatedAt, version);
    }

    /**
     * Creates or replaces a scorecard from YAML. Replacing needs the version the editor saw
     * ({@code expectedVersion}); the same content again changes nothing.
     */
    @Transactional
    public Scorecard importDocument(String text, Integer expectedVersion, boolean dryRun) {
        policy.requireAdmin();
        Scorecard card = new ScorecardReader(checks::exists).read(text);
        Optional<Scorecard> before = find(card.name());
        if (dryRun) {
            return card;
        }
        Instant now = Instant.now();
        if (before.isEmpty()) {
            jdbc.sql("""
                    insert into scorecards (name, title, description, document, created_at, updated_at, version)
                    values (?, ?, ?, ?, ?, ?, 0)""")
                    .params(card.name(), card.title(), card.description(), text, Timestamp.from(now), Timestamp.from(now))
                    .update();
        } else {
            if (expectedVersion != null && expectedVersion != before.get().version()) {
                throw new StaleVersionException(TYPE, card.name(), expectedVersion, before.get().version(), false);
            }
            if (document(card.name()).equals(text)) {
                return before.get();
            }
            int changed = jdbc.sql("""
                    update scorecards set title = ?, description = ?, document = ?, updated_at = ?, version = version + 1
                    where name = ? and version = ?""")
                    .params(card.title(), card.description(), text, Timestamp.from(now), card.name(),
                            before.get().version())
                    .update();
            if (changed == 0) {
                throw new ConflictException("scorecard '" + card.name() + "' was changed meanwhile; reload and try again");
            }
        }
        Scorecard after = get(card.name());
        audit.record(before.isEmpty() ? "create" : "update", TYPE, card.name(), before.orElse(null), after);
        evaluation.evaluateAll(List.of(after));
        return after;
    }

    @Transactional
    public void delete(String name, Integer expectedVersion) {
        policy.requireAdmin();
        Scorecard before = get(name);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw new StaleVersionException(TYPE, name, expectedVersion, before.version(), true);
        }
        jdbc.sql("delete from scorecards where name = ?").param(name).update();
        audit.record("delete", TYPE, name, before, null);
    }

    /** Where one service stands on every scorecard that applies to it, computed now. */
    public List<ScorecardStanding> standings(Service service, Map<String, CheckResult> results) {
        List<ScorecardStanding> out = new ArrayList<>();
        Map<String, Fact> current = null;
        for (Scorecard card : all()) {
            if (!card.filter().matches(service.owner(), service.readinessLevel(), service.lifecycle(), service.tags())) {
                continue;
            }
            if (current == null) {
                current = facts.current(service.id(), Instant.now());
            }
            out.add(standing(card, results, current));
        }
        return out;
    }

    static ScorecardStanding standing(Scorecard card, Map<String, CheckResult> results, Map<String, Fact> facts) {
        int rank = 0;
        List<String> nextFailing = List.of();
        for (Scorecard.Level level : card.levels()) {
            List<String> failing = new ArrayList<>();
            for (String id : level.checks()) {
                if (!result(card, id, results, facts).status().passing()) {
                    failing.add(id);
                }
            }
            if (!failing.isEmpty()) {
                nextFailing = failing;
                break;
            }
            rank++;
        }
        List<String> names = card.levelNames();
        return new ScorecardStanding(card.name(), card.title(), rank == 0 ? null : names.get(rank - 1), rank, names,
                rank < names.size() ? names.get(rank) : null, nextFailing);
    }

    static CheckResult result(Scorecard card, String id, Map<String, CheckResult> results, Map<String, Fact> facts) {
        for (Scorecard.Rule rule : card.rules()) {
            if (rule.id().equals(id)) {
                return RuleEvaluator.evaluate(rule, facts.get(rule.fact()));
            }
        }
        CheckResult r = results.get(id);
        return r == null ? CheckResult.noData(id) : r;
    }

    /** Recomputes every scorecard level of every service, as the schedule and imports do. */
    public ScorecardRun evaluateAll() {
        return evaluation.evaluateAll(all());
    }

    /** Recomputes one service's levels on every scorecard, as a change of its facts does. */
    public ScorecardRun evaluateService(Service service) {
        return evaluation.evaluateService(service.id(), all());
    }

    @EventListener
    void onFactsChanged(FactsChanged event) {
        List<Scorecard> cards = all();
        if (!cards.isEmpty()) {
            evaluation.evaluateService(event.serviceId(), cards);
        }
    }

    /** Levels per team (and "" for the whole organisation): counts of services per rank. */
    public ScorecardRollup rollup(String name) {
        Scorecard card = get(name);
        return evaluation.rollup(card);
    }

    public List<ScorecardHistoryPoint> history(String name, int days) {
        Scorecard card = get(name);
        return evaluation.history(card, days);
    }
}
