package dev.tandem.readiness;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.shared.Actor;
import dev.tandem.shared.RequestActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the fact collectors: for one service on demand ("refresh now"), and for every service on a
 * schedule ({@code tandem.readiness.collect-interval}, hourly by default). A collector that fails for one
 * service is reported and the others still run; its earlier facts stay until they expire.
 */
@Component
public class FactRefresh {

    private static final Logger log = LoggerFactory.getLogger(FactRefresh.class);

    private final List<FactCollector> collectors;
    private final Services services;
    private final Facts facts;
    private final Scorecards scorecards;
    private final AccessPolicy policy;
    private final JdbcClient jdbc;
    private final RequestActivity activity;

    FactRefresh(List<FactCollector> collectors, Services services, Facts facts, Scorecards scorecards,
                AccessPolicy policy, JdbcClient jdbc, RequestActivity activity) {
        this.collectors = collectors;
        this.services = services;
        this.facts = facts;
        this.scorecards = scorecards;
        this.policy = policy;
        this.jdbc = jdbc;
        this.activity = activity;
    }

    /** What one refresh found: facts per source, failures per source, and how long it took. */
    public record Result(String service, Map<String, Integer> facts, Map<String, String> errors, long millis) {
    }

    public Result refresh(String serviceName) {
        Service service = services.get(serviceName);
        if (!policy.canChangeTeam(service.owner())) {
            policy.requireCurator();
        }
        Result result = collect(service);
        // unchanged facts announce nothing; a refresh asked for by hand still brings the levels up to date
        scorecards.evaluateService(service);
        return result;
    }

    Result collect(Service service) {
        long start = System.nanoTime();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FactCollector collector : collectors) {
            try {
                List<Fact> found = collector.collect(service);
                facts.replace(service.id(), service.name(), collector.source(), found);
                counts.put(collector.source(), found.size());
            } catch (RuntimeException e) {
                log.warn("collector {} failed for service {}: {}", collector.source(), service.name(), e.toString());
                errors.put(collector.source(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        return new Result(service.name(), counts, errors, (System.nanoTime() - start) / 1_000_000);
    }

    /** While nobody uses the server, the scheduled run waits as long as each service took: half a core. */
    static final int IDLE_WAIT_FACTOR = 1;
    /** While requests are served, it waits eight times as long: a ninth of one core. */
    static final int BUSY_WAIT_FACTOR = 8;
    /** The longest wait after one service, however long it took. */
    static final long MAX_WAIT_NANOS = 2_000_000_000L;

    /**
     * Background work gives way to requests: after each service the run waits in proportion to the time
     * that service took, longer while the server is serving requests (docs/performance.md, "Background
     * work"). False when the thread was interrupted.
     */
    static boolean giveWay(long workedNanos, boolean busy) {
        long factor = busy ? BUSY_WAIT_FACTOR : IDLE_WAIT_FACTOR;
        LockSupport.parkNanos(Math.min(factor * workedNanos, MAX_WAIT_NANOS));
        return !Thread.currentThread().isInterrupted();
    }

    @Scheduled(initialDelayString = "${tandem.readiness.collect-delay:PT1M}",
            fixedDelayString = "${tandem.readiness.collect-interval:PT1H}")
    void refreshAll() {
        Actor.runAs(Actor.system(), () -> {
            List<String> names = new ArrayList<>(jdbc.sql("select name from services order by name").query(String.class).list());
            int failed = 0;
            long runStarted = System.nanoTime();
            int done = 0;
            for (String name : names) {
                long started = System.nanoTime();
                try {
                    services.find(name).ifPresent(this::collect);
                } catch (RuntimeException e) {
                    failed++;
                }
                done++;
                if (!giveWay(System.nanoTime() - started, activity.busy())) {
                    log.info("fact collection stopped after {} of {} services: its thread was interrupted (the server stopping)",
                            done, names.size());
                    return null;
                }
            }
            ScorecardRun run = scorecards.evaluateAll();
            log.info("collected facts for {} services ({} failed) in {} s; scorecards evaluated in {} ms", names.size(),
                    failed, (System.nanoTime() - runStarted) / 1_000_000_000, run.millis());
            return null;
        });
    }
}
