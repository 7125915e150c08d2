package dev.tandem.slo.internal;

import dev.tandem.slo.SliSource;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;
import dev.tandem.slo.store.InvalidEventsException;
import dev.tandem.slo.store.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's in-memory {@link EventStore}, made durable: every pushed minute is also written to the
 * table {@code slo_event_minutes} (one row per SLO and minute, replaced when the minute is pushed again),
 * and on start each built-in SLO's store is rebuilt from the rows its retention still needs. Rows older
 * than that are deleted hourly. Minute rows rather than snapshots: a push is durable the moment it is
 * acknowledged, and there is no snapshot interval in which a crash could lose data.
 */
@Component
public class BuiltInStore implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BuiltInStore.class);

    /** How far back each sync looks before the previous one: covers transactions still open then, and clock skew. */
    static final Duration SYNC_OVERLAP = Duration.ofMinutes(1);

    private final EventStore store = new EventStore();
    private volatile Instant lastSync = Instant.now();
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    BuiltInStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public void afterSingletonsInstantiated() {
        lastSync = Instant.now();
        long start = System.nanoTime();
        int slos = 0;
        long points = 0;
        for (Stored s : builtInSlos()) {
            points += load(s.id(), s.name(), s.definition());
            slos++;
        }
        log.info("built-in SLO store: {} SLOs, {} minute points restored in {} ms", slos, points,
                (System.nanoTime() - start) / 1_000_000);
    }

    private record Stored(long id, String name, SloDefinition definition) {
    }

    private List<Stored> builtInSlos() {
        return jdbc.sql("select id, name, digest, document from slos where source_kind = 'TANDEM'")
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("name"),
                        SloDocuments.definition(rs.getString("digest"), rs.getString("document"))))
                .list();
    }

    /** Rebuilds one SLO's series from its rows (what its retention keeps). */
    public long load(long sloId, String name, SloDefinition definition) {
        Retention retention = Retention.forSlo(definition);
        Instant since = Instant.now().minus(retention.hours());
        List<EventPoint> rows = jdbc.sql("select minute_at, good, total from slo_event_minutes where slo_id = ? and minute_at >= ? order by minute_at")
                .params(sloId, Timestamp.from(since))
                .query((rs, n) -> EventPoint.good(rs.getTimestamp("minute_at").toInstant(), rs.getLong("good"), rs.getLong("total")))
                .list();
        store.remove(name);
        store.configure(name, retention);
        if (!rows.isEmpty()) {
            store.push(name, rows);
        }
        return rows.size();
    }

    /** Applies an SLO's (possibly changed) retention; keeps what it has. */
    public void configure(String name, SloDefinition definition) {
        store.configure(name, Retention.forSlo(definition));
    }

    /**
     * Stores a batch: rows first, then the engine's store, which validates the batch as a whole. A refused
     * batch throws {@link dev.tandem.slo.store.InvalidEventsException}; the caller's transaction then
     * rolls the rows back, so nothing of it is kept anywhere.
     */
    public int push(long sloId, String name, List<EventPoint> points) {
        Map<Long, EventPoint> byMinute = new LinkedHashMap<>();
        for (EventPoint p : points) {
            byMinute.put(Math.floorDiv(p.timestamp().getEpochSecond(), 60), p); // the later point of a minute wins, as in the store
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Map.Entry<Long, EventPoint> e : byMinute.entrySet()) {
            Timestamp minute = Timestamp.from(Instant.ofEpochSecond(e.getKey() * 60));
            deletes.add(new Object[] {sloId, minute});
            inserts.add(new Object[] {sloId, minute, e.getValue().good(), e.getValue().total(), now});
        }
        // delete + insert: portable between H2 and PostgreSQL, and idempotent per minute
        jdbcTemplate.batchUpdate("delete from slo_event_minutes where slo_id = ? and minute_at = ?", deletes);
        jdbcTemplate.batchUpdate("insert into slo_event_minutes (slo_id, minute_at, good, total, pushed_at) values (?, ?, ?, ?, ?)", inserts);
        return store.push(name, points);
    }

    /** What {@link #push} would refuse in this batch, without writing anything (see {@link EventStore#problems}). */
    public List<InvalidEventsException.Problem> problems(String name, List<EventPoint> points) {
        return store.problems(name, points);
    }

    public SliSource source(String name) {
        return store.source(name);
    }

    public void remove(String name) {
        store.remove(name);
    }

    /**
     * Picks up what other replicas stored: the rows pushed since the last sync (less an overlap) go into this
     * replica's store. Re-applying a minute is harmless (it replaces the minute with the same, latest, row),
     * so this replica's own pushes coming back cost only time. SLOs deleted elsewhere leave the store.
     */
    @Scheduled(initialDelayString = "${tandem.slo.sync-interval:PT15S}", fixedDelayString = "${tandem.slo.sync-interval:PT15S}")
    public int sync() {
        Instant started = Instant.now();
        Map<Long, Stored> slos = new LinkedHashMap<>();
        for (Stored s : builtInSlos()) {
            slos.put(s.id(), s);
        }
        for (String name : store.slos()) {
            if (slos.values().stream().noneMatch(s -> s.name().equals(name))) {
                store.remove(name);
            }
        }
        Map<Long, List<EventPoint>> rows = new LinkedHashMap<>();
        jdbc.sql("select slo_id, minute_at, good, total from slo_event_minutes where pushed_at >= ? order by slo_id, minute_at")
                .param(Timestamp.from(lastSync.minus(SYNC_OVERLAP)))
                .query((rs, n) -> rows.computeIfAbsent(rs.getLong("slo_id"), k -> new ArrayList<>())
                        .add(EventPoint.good(rs.getTimestamp("minute_at").toInstant(), rs.getLong("good"), rs.getLong("total"))))
                .list();
        int applied = 0;
        for (Map.Entry<Long, List<EventPoint>> e : rows.entrySet()) {
            Stored s = slos.get(e.getKey());
            if (s == null) {
                continue;
            }
            try {
                store.configure(s.name(), Retention.forSlo(s.definition()));
                applied += store.push(s.name(), e.getValue());
            } catch (IllegalArgumentException refused) {
                // older than this store's minute horizon: reload the SLO from its rows instead
                load(s.id(), s.name(), s.definition());
            }
        }
        lastSync = started;
        return applied;
    }

    /** Drops rows no SLO's retention needs any more. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "${tandem.slo.prune-interval:PT1H}")
    void prune() {
        int deleted = 0;
        for (Stored s : builtInSlos()) {
            Instant before = Instant.now().minus(Retention.forSlo(s.definition()).hours());
            deleted += jdbc.sql("delete from slo_event_minutes where slo_id = ? and minute_at < ?")
                    .params(s.id(), Timestamp.from(before)).update();
        }
        if (deleted > 0) {
            log.info("pruned {} SLO minute points past their retention", deleted);
        }
    }
}
