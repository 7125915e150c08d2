package dev.tandem.slo.internal;

import dev.tandem.slo.SliSource;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;
import dev.tandem.slo.store.InvalidEventsException;
import dev.tandem.slo.store.Retention;
import dev.tandem.slo.store.SeriesSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's in-memory {@link EventStore}, made durable: every pushed minute is also written to the
 * table {@code slo_event_minutes} (one row per SLO and minute, replaced when the minute is pushed again),
 * and on start each built-in SLO's store is rebuilt from the rows its retention still needs. Minute rows
 * rather than snapshots: a push is durable the moment it is acknowledged, and there is no snapshot
 * interval in which a crash could lose data.
 *
 * <p>On disk the store is compact like the one in memory: every hour, the minutes that can no longer be
 * pushed again (whole hours older than the minute horizon behind the SLO's newest minute) are rolled up
 * into {@code slo_event_hours}, one row per hour, and rows past the retention are deleted. A 30-day SLO
 * then keeps about 4,500 minute rows and 720 hour rows instead of 43,200 minute rows.
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
    private final TransactionTemplate tx;

    BuiltInStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.tx = new TransactionTemplate(transactions);
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
        log.info("built-in SLO store: {} SLOs, {} minute and hour buckets restored in {} ms", slos, points,
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

    /** Rebuilds one SLO's series from its rows (what its retention keeps): hour rows and minute rows. */
    public long load(long sloId, String name, SloDefinition definition) {
        Retention retention = Retention.forSlo(definition);
        Instant since = Instant.now().minus(retention.hours());
        List<SeriesSnapshot.Bucket> minutes = jdbc.sql("select minute_at, good, total from slo_event_minutes where slo_id = ? and minute_at >= ? order by minute_at")
                .params(sloId, Timestamp.from(since))
                .query((rs, n) -> new SeriesSnapshot.Bucket(rs.getTimestamp("minute_at").toInstant(), rs.getLong("good"), rs.getLong("total")))
                .list();
        // hour buckets hold every event of their hour: the rolled-up rows plus the minutes still kept as minutes
        TreeMap<Long, long[]> hours = new TreeMap<>();
        jdbc.sql("select hour_at, good, total from slo_event_hours where slo_id = ? and hour_at >= ?")
                .params(sloId, Timestamp.from(hourOf(since)))
                .query((rs, n) -> add(hours, rs.getTimestamp("hour_at").toInstant(), rs.getLong("good"), rs.getLong("total")))
                .list();
        for (SeriesSnapshot.Bucket m : minutes) {
            add(hours, m.start(), m.good(), m.total());
        }
        List<SeriesSnapshot.Bucket> hourBuckets = new ArrayList<>();
        hours.forEach((h, c) -> hourBuckets.add(new SeriesSnapshot.Bucket(Instant.ofEpochSecond(h * 3600), c[0], c[1])));
        store.remove(name);
        if (hourBuckets.isEmpty()) {
            store.configure(name, retention);
        } else {
            store.restore(name, new SeriesSnapshot(retention, minutes, hourBuckets));
        }
        return minutes.size() + (long) hourBuckets.size();
    }

    private static boolean add(TreeMap<Long, long[]> hours, Instant at, long good, long total) {
        long[] c = hours.computeIfAbsent(Math.floorDiv(at.getEpochSecond(), 3600), k -> new long[2]);
        c[0] += good;
        c[1] += total;
        return true;
    }

    private static Instant hourOf(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 3600) * 3600);
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

    /** Rolls old minutes up into hours and drops rows no SLO's retention needs any more. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "${tandem.slo.prune-interval:PT1H}")
    void prune() {
        Compaction c = compact(Instant.now());
        if (c.rolledUp() > 0 || c.deleted() > 0) {
            log.info("SLO store on disk: {} minute rows rolled up into hours, {} rows past their retention deleted", c.rolledUp(), c.deleted());
        }
    }

    /** What one compaction did: minute rows rolled up into hour rows, and rows deleted as past their retention. */
    public record Compaction(long rolledUp, long deleted) {
    }

    /**
     * Per built-in SLO, in a transaction of its own: deletes rows older than the retention, then rolls the
     * minutes of every whole hour before the minute horizon (behind the SLO's newest minute on disk, the
     * horizon pushes are checked against, so these minutes cannot be pushed again) into hour rows.
     */
    public Compaction compact(Instant now) {
        long rolledUp = 0;
        long deleted = 0;
        for (Stored s : builtInSlos()) {
            Retention retention = Retention.forSlo(s.definition());
            long[] done = tx.execute(status -> compact(s.id(), retention, now));
            rolledUp += done[0];
            deleted += done[1];
        }
        return new Compaction(rolledUp, deleted);
    }

    private long[] compact(long sloId, Retention retention, Instant now) {
        Instant keepFrom = now.minus(retention.hours());
        long deleted = jdbc.sql("delete from slo_event_minutes where slo_id = ? and minute_at < ?")
                .params(sloId, Timestamp.from(keepFrom)).update();
        deleted += jdbc.sql("delete from slo_event_hours where slo_id = ? and hour_at < ?")
                .params(sloId, Timestamp.from(hourOf(keepFrom))).update();
        List<Timestamp> newest = jdbc.sql("select max(minute_at) from slo_event_minutes where slo_id = ?")
                .param(sloId).query(Timestamp.class).list();
        if (newest.isEmpty() || newest.get(0) == null) {
            return new long[] {0, deleted};
        }
        Instant cutoff = hourOf(newest.get(0).toInstant().minus(retention.minutes()));
        TreeMap<Long, long[]> sums = new TreeMap<>();
        jdbc.sql("select minute_at, good, total from slo_event_minutes where slo_id = ? and minute_at < ?")
                .params(sloId, Timestamp.from(cutoff))
                .query((rs, n) -> add(sums, rs.getTimestamp("minute_at").toInstant(), rs.getLong("good"), rs.getLong("total")))
                .list();
        if (sums.isEmpty()) {
            return new long[] {0, deleted};
        }
        // an hour already rolled up (minutes pushed late into it) gets the new minutes added
        Timestamp first = Timestamp.from(Instant.ofEpochSecond(sums.firstKey() * 3600));
        jdbc.sql("select hour_at, good, total from slo_event_hours where slo_id = ? and hour_at >= ? and hour_at < ?")
                .params(sloId, first, Timestamp.from(cutoff))
                .query((rs, n) -> add(sums, rs.getTimestamp("hour_at").toInstant(), rs.getLong("good"), rs.getLong("total")))
                .list();
        jdbc.sql("delete from slo_event_hours where slo_id = ? and hour_at >= ? and hour_at < ?")
                .params(sloId, first, Timestamp.from(cutoff)).update();
        List<Object[]> rows = new ArrayList<>();
        sums.forEach((h, c) -> rows.add(new Object[] {sloId, Timestamp.from(Instant.ofEpochSecond(h * 3600)), c[0], c[1]}));
        jdbcTemplate.batchUpdate("insert into slo_event_hours (slo_id, hour_at, good, total) values (?, ?, ?, ?)", rows);
        long rolledUp = jdbc.sql("delete from slo_event_minutes where slo_id = ? and minute_at < ?")
                .params(sloId, Timestamp.from(cutoff)).update();
        return new long[] {rolledUp, deleted};
    }
}
