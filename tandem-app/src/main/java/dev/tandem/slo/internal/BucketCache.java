package dev.tandem.slo.internal;

import dev.tandem.slo.SloDefinition;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bucket sums {@link PrometheusValues} fetched per SLO, kept between evaluations. Buckets end before the
 * minute region (at least the longest alert window ago, an hour or more), so their sums no longer change and
 * a repeated evaluation only asks Prometheus for what is new.
 *
 * <ul>
 *   <li>An entry belongs to one definition and one Prometheus address: an SLO whose definition changed (a new
 *   query, threshold or slice) or whose address changed is never answered from it.</li>
 *   <li>An entry lives at most {@code ttl} from its first fetch, so late samples, a backfill or a restarted
 *   Prometheus are picked up within that time.</li>
 *   <li>Memory is bounded by the number of buckets held ({@code maxBuckets}, 16 bytes each). When it is full,
 *   a new SLO is not admitted until entries expire (so a scheduled run over more SLOs than fit still hits
 *   for those held); an entry that grows makes room by dropping the least recently used others.</li>
 * </ul>
 * Thread-safe: entries are immutable and replaced whole; two evaluations of one SLO at the same moment may both
 * fetch, and the later one's entry wins.
 */
public final class BucketCache {

    /** Contiguous buckets of one size ending at {@code firstEnd}, {@code firstEnd + bucket}, … (epoch seconds). */
    record Entry(SloDefinition definition, String baseUrl, long bucket, long firstEnd, double[] good, long[] total,
                 long createdMillis) {

        int size() {
            return good.length;
        }

        long lastEnd() {
            return firstEnd + (size() - 1) * bucket;
        }
    }

    private final Duration ttl;
    private final long maxBuckets;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    public BucketCache(Duration ttl, long maxBuckets, Clock clock) {
        this.ttl = ttl;
        this.maxBuckets = maxBuckets;
        this.clock = clock;
    }

    /** The SLO's entry if it was fetched for this definition, address and bucket size, not longer than the TTL ago. */
    synchronized Entry get(String slo, SloDefinition definition, String baseUrl, long bucket) {
        Entry e = entries.get(slo);
        if (e == null) {
            return null;
        }
        if (e.bucket() != bucket || !e.baseUrl().equals(baseUrl) || !e.definition().equals(definition) || expired(e)) {
            remove(slo);
            return null;
        }
        return e;
    }

    synchronized void put(String slo, Entry entry) {
        boolean held = entries.containsKey(slo);
        remove(slo);
        if (entry.size() == 0 || entry.size() > maxBuckets || ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (!held && this.held + entry.size() > maxBuckets) {
            // full: a new SLO waits until entries expire. The scheduled run visits every SLO in turn, and with
            // more SLOs than fit, evicting the least recently used would drop each entry just before its next use.
            return;
        }
        entries.put(slo, entry);
        this.held += entry.size();
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (this.held > maxBuckets && eldest.hasNext()) {
            Map.Entry<String, Entry> e = eldest.next(); // an entry that grew makes room from the least recently used
            if (!e.getKey().equals(slo)) {
                this.held -= e.getValue().size();
                eldest.remove();
            }
        }
    }

    /** Drops entries past their TTL (the scheduled evaluation calls this, so deleted SLOs do not linger). */
    public synchronized void expire() {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (expired(e)) {
                held -= e.size();
                it.remove();
            }
        }
    }

    /** SLOs held. */
    public synchronized int size() {
        return entries.size();
    }

    /** Buckets held, over all SLOs. */
    public synchronized long buckets() {
        return held;
    }

    long now() {
        return clock.millis();
    }

    private boolean expired(Entry e) {
        return clock.millis() - e.createdMillis() >= ttl.toMillis();
    }

    private void remove(String slo) {
        Entry old = entries.remove(slo);
        if (old != null) {
            held -= old.size();
        }
    }
}
