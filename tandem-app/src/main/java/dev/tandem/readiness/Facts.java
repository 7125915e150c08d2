package dev.tandem.readiness;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.readiness.internal.FactOutcomes;
import dev.tandem.readiness.internal.FactRows;
import dev.tandem.shared.Actor;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts known about each service. Collectors replace their own facts on every run; pipelines push
 * facts that live until their time-to-live runs out. A change of facts is announced with
 * {@link FactsChanged}, so results that depend on them can be brought up to date.
 */
@Component
public class Facts {

    public static final int MAX_PUSH = 500;
    static final Duration DEFAULT_TTL = Duration.ofDays(7);
    static final Duration MAX_TTL = Duration.ofDays(365);
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Services services;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final FactOutcomes outcomes;

    Facts(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Services services, AccessPolicy policy, AuditLog audit,
          ApplicationEventPublisher events, FactOutcomes outcomes) {
        this.outcomes = outcomes;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.services = services;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
    }

    /** Every stored fact of the service, expired ones included (they show as such), by key. */
    public List<Fact> list(String serviceName) {
        Service service = services.get(serviceName);
        return jdbc.sql("select * from facts where service_id = ? order by fact_key").param(service.id())
                .query(FactRows.FACT).list();
    }

    /** The facts of one service that still hold, by key. */
    public Map<String, Fact> current(long serviceId, Instant now) {
        Map<String, Fact> out = new LinkedHashMap<>();
        for (Fact f : jdbc.sql("select * from facts where service_id = ?").param(serviceId).query(FactRows.FACT).list()) {
            if (!f.expired(now)) {
                out.put(f.key(), f);
            }
        }
        return out;
    }

    /** Stores facts a pipeline pushed; all are checked first, and one bad fact means none is stored. */
    @Transactional
    public List<Fact> push(String serviceName, List<FactInput> inputs) {
        Service service = services.get(serviceName);
        policy.requireChangeTeam(service.owner());
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidInputException("facts", "send at least one fact");
        }
        if (inputs.size() > MAX_PUSH) {
            throw new InvalidInputException("facts", "at most " + MAX_PUSH + " facts per request, got " + inputs.size());
        }
        Instant now = Instant.now();
        String source = "push:" + Actor.current().username();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Fact fact = validate(inputs.get(i), "facts[" + i + "]", source, now, problems);
            if (fact != null) {
                facts.put(fact.key(), fact);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Fact> stored = List.copyOf(facts.values());
        write(service.id(), null, stored);
        audit.record("push-facts", "service", serviceName, stored.size() + " fact(s): "
                + String.join(", ", facts.keySet().stream().limit(20).toList()), null, stored);
        events.publishEvent(new FactsChanged(service.id(), serviceName));
        return stored;
    }

    private static Fact validate(FactInput in, String path, String source, Instant now, List<FieldProblem> problems) {
        if (in == null) {
            problems.add(new FieldProblem(path, "expected a fact object"));
            return null;
        }
        int before = problems.size();
        if (in.key() == null || !KEY.matcher(in.key()).matches()) {
            problems.add(new FieldProblem(path + ".key",
                    "required: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100"));
        }
        CheckStatus outcome = null;
        if (in.outcome() != null) {
            outcome = CheckStatus.parseOutcome(in.outcome());
            if (outcome == null) {
                problems.add(new FieldProblem(path + ".outcome", "expected pass, fail, exempt or not-applicable"));
            }
        }
        Object value = in.value();
        if (value != null && !(value instanceof Number || value instanceof Boolean || value instanceof String)) {
            problems.add(new FieldProblem(path + ".value", "expected a number, text or true/false"));
        } else if (value instanceof String s && s.length() > 1000) {
            problems.add(new FieldProblem(path + ".value", "text values are limited to 1000 characters"));
        } else if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
            problems.add(new FieldProblem(path + ".value", "numbers must be finite"));
        }
        if (in.outcome() == null && value == null) {
            problems.add(new FieldProblem(path, "give an outcome, a value, or both"));
        }
        if (in.details() != null && in.details().length() > 4000) {
            problems.add(new FieldProblem(path + ".details", "at most 4000 characters"));
        }
        Duration ttl = DEFAULT_TTL;
        if (in.ttl() != null) {
            ttl = parseTtl(in.ttl());
            if (ttl == null || ttl.isZero() || ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
                problems.add(new FieldProblem(path + ".ttl", "expected a duration from 1s to 365d, e.g. 30m, 24h, 7d or PT12H"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (value instanceof Number n) {
            value = n.doubleValue();
        }
        return new Fact(in.key(), outcome, value, in.details(), source, now, now.plus(ttl));
    }

    static Duration parseTtl(String text) {
        String t = text.trim();
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Replaces facts: those of {@code source} (when given) and any with the same keys go, the new ones are
     * inserted. Delete-then-insert keeps the SQL the same on H2 and PostgreSQL.
     */
    @Transactional
    public void replace(long serviceId, String serviceName, String source, List<Fact> facts) {
        if (source != null && sameAsStored(serviceId, source, facts)) {
            return;
        }
        write(serviceId, source, facts);
        events.publishEvent(new FactsChanged(serviceId, serviceName));
    }

    /**
     * When a collector finds what is stored already (the same keys, outcomes, values and details, none of
     * them expired, none taken from another source), only the collection and expiry times move on. Nothing
     * is rewritten and no {@link FactsChanged} is announced: the hourly run over thousands of unchanged
     * services would otherwise re-evaluate every scorecard and engagement of each of them
     * (docs/performance.md, "Background work").
     */
    private boolean sameAsStored(long serviceId, String source, List<Fact> facts) {
        Instant now = Instant.now();
        Map<String, Object[]> fresh = new LinkedHashMap<>();
        for (Fact f : facts) {
            if (fresh.put(f.key(), FactRows.insertParams(serviceId, f)) != null) {
                return false;
            }
        }
        Map<String, Object[]> stored = new HashMap<>();
        boolean[] conflict = {false};
        jdbc.sql("select fact_key, source, outcome, value_json, details, expires_at from facts where service_id = ?")
                .param(serviceId).query((RowCallbackHandler) rs -> {
                    String key = rs.getString(1);
                    Timestamp expires = rs.getTimestamp(6);
                    if (!source.equals(rs.getString(2))) {
                        conflict[0] |= fresh.containsKey(key);
                    } else if (expires != null && !expires.toInstant().isAfter(now)) {
                        conflict[0] = true; // an expired fact comes back to life: that is a change
                    } else {
                        stored.put(key, new Object[] {rs.getString(3), rs.getString(4), rs.getString(5), expires});
                    }
                });
        if (conflict[0] || !stored.keySet().equals(fresh.keySet())) {
            return false;
        }
        boolean expiryMoved = false;
        List<Object[]> touched = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : fresh.entrySet()) {
            Object[] next = e.getValue();
            Object[] before = stored.get(e.getKey());
            // insertParams: 2 outcome, 3 value as JSON, 4 details as stored, 6 collected, 7 expires
            if (!Objects.equals(before[0], next[2]) || !Objects.equals(before[1], next[3])
                    || !Objects.equals(before[2], next[4])) {
                return false;
            }
            expiryMoved |= before[3] != null || next[7] != null;
            touched.add(new Object[] {next[6], next[7], serviceId, e.getKey()});
        }
        jdbcTemplate.batchUpdate("update facts set collected_at = ?, expires_at = ? where service_id = ? and fact_key = ?",
                touched);
        if (expiryMoved) {
            outcomes.rewrite(serviceId);
        }
        return true;
    }

    private void write(long serviceId, String source, List<Fact> facts) {
        if (source != null) {
            jdbc.sql("delete from facts where service_id = ? and source = ?").params(serviceId, source).update();
        }
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Fact f : facts) {
            keys.add(new Object[] {serviceId, f.key()});
            rows.add(FactRows.insertParams(serviceId, f));
        }
        jdbcTemplate.batchUpdate("delete from facts where service_id = ? and fact_key = ?", keys);
        jdbcTemplate.batchUpdate(FactRows.INSERT, rows);
        outcomes.rewrite(serviceId);
    }
}
