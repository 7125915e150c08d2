package dev.tandem.slo;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.slo.internal.BucketCache;
import dev.tandem.slo.internal.BuiltInStore;
import dev.tandem.slo.internal.PrometheusClient;
import dev.tandem.slo.internal.PrometheusSource;
import dev.tandem.slo.internal.PrometheusValues;
import dev.tandem.slo.internal.SloStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Evaluates SLOs: reads each one's SLI data (the built-in store, or Prometheus), runs the engine, applies
 * the budget policy, and keeps the last state in the database so that a change of state is published once
 * ({@link ErrorBudgetStateChanged}). When Prometheus does not answer, the last good report is served as
 * STALE, with when it was last fresh; when it answers but refuses a query, the report is QUERY_REJECTED with
 * its message and no figures (old figures would hide a broken definition). Either way the budget state is
 * left as it was.
 */
@Component
public class SloMonitor {

    private static final Logger log = LoggerFactory.getLogger(SloMonitor.class);

    private final Slos slos;
    private final Services services;
    private final BuiltInStore store;
    private final SloStates states;
    private final PrometheusClient prometheus;
    private final Environment env;
    private final String defaultPrometheusUrl;
    /** The last fresh report of each Prometheus SLO, with the definition (OpenSLO text) it was computed for. */
    private final Map<String, LastGood> lastGood = new ConcurrentHashMap<>();
    private final BucketCache buckets;

    SloMonitor(Slos slos, Services services, BuiltInStore store, SloStates states, Environment env) {
        this.slos = slos;
        this.services = services;
        this.store = store;
        this.states = states;
        this.env = env;
        this.defaultPrometheusUrl = env.getProperty("tandem.slo.prometheus-url", "");
        this.prometheus = new PrometheusClient(
                env.getProperty("tandem.slo.prometheus.connect-timeout", Duration.class, Duration.ofSeconds(2)),
                env.getProperty("tandem.slo.prometheus.timeout", Duration.class, Duration.ofSeconds(5)),
                env.getProperty("tandem.slo.prometheus.retries", Integer.class, 2),
                env.getProperty("tandem.slo.prometheus.backoff", Duration.class, Duration.ofMillis(250)));
        this.buckets = new BucketCache(env.getProperty("tandem.slo.prometheus.cache-ttl", Duration.class, Duration.ofHours(1)),
                env.getProperty("tandem.slo.prometheus.cache-buckets", Long.class, 1_000_000L), Clock.systemUTC());
    }


    public SloReport status(String name) {
        return evaluate(slos.get(name), Instant.now());
    }

    /**
     * Evaluates every SLO, so that list order, budget states and their events stay current. One run reads every
     * state row at once and writes the unchanged ones in one batch ({@link SloStates.Run}), and reads each
     * service's readiness level once: on PostgreSQL, round trips per SLO were most of the run's time.
     */
    @Scheduled(initialDelayString = "${tandem.slo.evaluate-delay:PT30S}", fixedDelayString = "${tandem.slo.evaluate-interval:PT1M}")
    public void evaluateAll() {
        int failed = 0;
        // a Prometheus that did not answer is not asked again in this run: its other SLOs go stale at once,
        // so one slow server cannot hold the scheduler for timeouts × retries × its SLOs
        Set<String> down = new HashSet<>();
        Map<String, Optional<ReadinessLevel>> levels = new HashMap<>();
        buckets.expire();
        try (SloStates.Run run = states.run()) {
            for (Slo slo : slos.all()) {
                try {
                    evaluate(slo, Instant.now(), down, run::record,
                            policyFor(slo, s -> levels.computeIfAbsent(s, this::readinessLevel)));
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("evaluating SLO {} failed: {}", slo.name(), e.toString());
                }
            }
        }
        if (failed > 0) {
            log.warn("{} SLO evaluation(s) failed", failed);
        }
    }

    public SloReport evaluate(Slo slo, Instant now) {
        return evaluate(slo, now, new HashSet<>(), states::record, policyFor(slo));
    }

    private interface Recorder {
        void record(Slo slo, SloReport report, Instant now);
    }

    private SloReport evaluate(Slo slo, Instant now, Set<String> down, Recorder recorder, Policy policy) {
        SloDefinition definition = slo.definition();
        SloStatus status;
        String url = slo.builtIn() ? null : prometheusUrl(slo);
        if (url != null && down.contains(url)) {
            String reason = "Prometheus at " + url + " did not answer in this evaluation run";
            states.markStale(slo, now, reason);
            return stale(slo, policy, reason);
        }
        try {
            SliSource source = slo.builtIn() ? store.source(slo.name()) : prometheusSource(slo, now, now);
            status = source instanceof PrometheusValues values ? values.evaluate(definition, now)
                    : SloEvaluator.evaluate(definition, source, now);
        } catch (PrometheusClient.Unavailable e) {
            down.add(url);
            SloReport stale = stale(slo, policy, e.getMessage());
            states.markStale(slo, now, e.getMessage());
            return stale;
        } catch (PrometheusClient.Rejected e) {
            // a definition problem, not an outage: no old figures, the budget state stays as it was
            lastGood.remove(slo.name());
            SloReport.QueryError error = new SloReport.QueryError(e.query(), e.httpStatus(), e.errorType(), e.error());
            states.markRejected(slo, now, "Prometheus refused a query: " + error.summary());
            Optional<Instant> fresh = states.freshAt(slo.id());
            return empty(slo, policy, now, SloReport.QUERY_REJECTED, fresh.orElse(null), null, error);
        } catch (IllegalArgumentException e) {
            states.markNoData(slo, now, e.getMessage());
            return empty(slo, policy, now, "NO_DATA", null, e.getMessage(), null);
        }
        SloReport report = Reports.of(slo, status, policy.policy(), policy.origin(), now);
        if (!slo.builtIn()) {
            lastGood.put(slo.name(), new LastGood(slo.document(), report));
        }
        recorder.record(slo, report, now);
        return report;
    }

    /**
     * The SLI over the {@code window} that ends at {@code now}, from the event counts alone (whatever the
     * SLO's own window and budgeting method): exit criteria ask "at or above target for the last N days".
     * The built-in store answers only for what its retention keeps.
     */
    public SliWindow sli(String name, Duration window, Instant now) {
        Slo slo = slos.get(name);
        Instant from = now.minus(window);
        EventCounts counts;
        try {
            SliSource source = slo.builtIn() ? store.source(slo.name()) : prometheusSource(slo, now, from);
            counts = source.counts(from, now);
            if (source instanceof PrometheusValues) {
                counts = PrometheusValues.minutes(counts);
            }
        } catch (PrometheusClient.Unavailable e) {
            return new SliWindow(name, from, now, 0, 0, null, slo.target(), SloReport.STALE, e.getMessage());
        } catch (PrometheusClient.Rejected e) {
            return new SliWindow(name, from, now, 0, 0, null, slo.target(), SloReport.QUERY_REJECTED, e.getMessage());
        } catch (IllegalArgumentException e) {
            return new SliWindow(name, from, now, 0, 0, null, slo.target(), "NO_DATA", e.getMessage());
        }
        if (counts.isEmpty()) {
            return new SliWindow(name, from, now, 0, 0, null, slo.target(), "NO_DATA", "no events in the window");
        }
        return new SliWindow(name, from, now, counts.good(), counts.total(), (double) counts.good() / counts.total(),
                slo.target(), "OK", null);
    }

    /**
     * The burn-down and the SLI over the window. Prometheus SLOs on counter ratios get fewer points (two
     * queries each); a Prometheus that does not answer gives an empty history.
     */
    public List<Reports.HistoryPoint> history(Slo slo, Instant now, int points) {
        if (slo.builtIn()) {
            return Reports.history(slo.definition(), store.source(slo.name()), now, points);
        }
        try {
            SliSource source = prometheusSource(slo, now, now);
            // per-minute values are fetched once, whatever the number of points; counter ratios cost two queries a point
            return Reports.history(slo.definition(), source, now,
                    source instanceof PrometheusValues ? points : Math.min(points, PROMETHEUS_HISTORY_POINTS));
        } catch (PrometheusClient.Unavailable | PrometheusClient.Rejected | IllegalArgumentException e) {
            return List.of();
        }
    }

    static final int PROMETHEUS_HISTORY_POINTS = 24;

    /**
     * Ratios of counters are asked span by span ({@link PrometheusSource}); threshold and raw-ratio SLIs are
     * fetched once as per-minute values ({@link PrometheusValues}), back to the period's start or {@code earliest}.
     */
    private SliSource prometheusSource(Slo slo, Instant now, Instant earliest) {
        SloDefinition definition = slo.definition();
        if (definition.indicator().metric() instanceof IndicatorMetric.Ratio) {
            return PrometheusSource.of(prometheus, prometheusUrl(slo), definition);
        }
        return PrometheusValues.of(prometheus, prometheusUrl(slo), definition, now, earliest, buckets);
    }

    private record LastGood(String document, SloReport report) {
    }

    private SloReport stale(Slo slo, Policy policy, String reason) {
        LastGood kept = lastGood.get(slo.name());
        // figures of an earlier version of the SLO describe another definition: not shown as this one's
        SloReport last = kept == null || !kept.document().equals(slo.document()) ? null : kept.report();
        if (last == null) {
            Optional<Instant> fresh = states.freshAt(slo.id());
            return empty(slo, policy, fresh.orElse(null), SloReport.STALE, fresh.orElse(null), reason, null);
        }
        return new SloReport(last.slo(), last.service(), last.owner(), last.at(), last.periodStart(), last.periodEnd(),
                SloReport.STALE, last.at(), reason, null, last.counts(), last.sli(), last.objective(), last.errorBudget(), last.burnRates(),
                last.alerts(), last.timeToExhaustion(), last.timeToExhaustionSeconds(), last.policy());
    }

    private SloReport empty(Slo slo, Policy policy, Instant at, String dataState, Instant freshAt, String reason,
                            SloReport.QueryError error) {
        BudgetState state = states.state(slo.id()).orElse(BudgetState.HEALTHY);
        return new SloReport(slo.name(), slo.service(), slo.owner(), at, null, null, dataState, freshAt, reason, error,
                new SloReport.Counts(0, 0, 0), null, slo.target(), new SloReport.Budget(1, 0, 1, "EVENTS", 0, 0),
                Map.of(), List.of(), null, null, new SloReport.Policy(state, policy.policy().atRiskBelow(),
                policy.policy().exhaustedAtOrBelow(), policy.policy().actionFor(state), policy.origin()));
    }

    private String prometheusUrl(Slo slo) {
        return slo.sourceUrl() != null ? slo.sourceUrl() : defaultPrometheusUrl;
    }

    record Policy(BudgetPolicy policy, String origin) {
    }

    /** The policy that applies to the SLO (its own, else its readiness level's, else the default), with its actions. */
    public BudgetPolicy effectivePolicy(Slo slo) {
        return policyFor(slo).policy();
    }

    /**
     * The SLO's own policy, else the one configured for its service's readiness level
     * ({@code tandem.slo.policy.level-a.at-risk-below}, …), else the global default
     * ({@code tandem.slo.policy.at-risk-below}, {@code tandem.slo.policy.exhausted-at-or-below}).
     */
    Policy policyFor(Slo slo) {
        return policyFor(slo, this::readinessLevel);
    }

    private Policy policyFor(Slo slo, Function<String, Optional<ReadinessLevel>> levelOfService) {
        ReadinessLevel level = slo.policy() != null ? null : levelOfService.apply(slo.service()).orElse(null);
        return policyFor(slo.policy(), level, env);
    }

    private Optional<ReadinessLevel> readinessLevel(String service) {
        return services.find(service).map(Service::readinessLevel);
    }

    static Policy policyFor(BudgetPolicy own, ReadinessLevel level, Environment env) {
        if (own != null) {
            return new Policy(own, "slo");
        }
        String prefix = level == null ? null : "tandem.slo.policy.level-" + level.name().toLowerCase(Locale.ROOT) + ".";
        double atRisk = env.getProperty("tandem.slo.policy.at-risk-below", Double.class, BudgetPolicy.DEFAULT.atRiskBelow());
        double exhausted = env.getProperty("tandem.slo.policy.exhausted-at-or-below", Double.class, BudgetPolicy.DEFAULT.exhaustedAtOrBelow());
        String origin = "default";
        if (prefix != null && (env.containsProperty(prefix + "at-risk-below") || env.containsProperty(prefix + "exhausted-at-or-below")
                || env.containsProperty(prefix + "actions.exhausted") || env.containsProperty(prefix + "actions.at-risk")
                || env.containsProperty(prefix + "actions.healthy"))) {
            atRisk = env.getProperty(prefix + "at-risk-below", Double.class, atRisk);
            exhausted = env.getProperty(prefix + "exhausted-at-or-below", Double.class, exhausted);
            origin = "level " + level.name();
        }
        Map<BudgetState, String> actions = new LinkedHashMap<>();
        for (BudgetState s : BudgetState.values()) {
            String key = s.name().toLowerCase(Locale.ROOT).replace('_', '-');
            String text = prefix == null ? null : env.getProperty(prefix + "actions." + key);
            if (text == null) {
                text = env.getProperty("tandem.slo.policy.actions." + key, BudgetPolicy.DEFAULT.actionFor(s));
            }
            actions.put(s, text);
        }
        return new Policy(new BudgetPolicy(atRisk, exhausted, actions), origin);
    }

    static List<String> windows(BurnRateAlert a) {
        List<String> w = new ArrayList<>();
        w.add(SloDuration.format(a.longWindow()));
        w.add(SloDuration.format(a.shortWindow()));
        return w;
    }
}
