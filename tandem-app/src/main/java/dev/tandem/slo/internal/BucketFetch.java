package dev.tandem.slo.internal;

import dev.tandem.slo.SloDefinition;

import java.util.List;

/**
 * The two bucket queries of one threshold or raw-ratio SLO ({@link PrometheusValues}): the sum of the good shares
 * and the count of minutes with a value per bucket, asked for runs of bucket ends, with the buckets a
 * {@link BucketCache} already holds taken from it.
 */
record BucketFetch(PrometheusClient client, String baseUrl, String goodQuery, String totalQuery, long bucket) {

    /**
     * The buckets ending at {@code first} … {@code last} into {@code good} and {@code total}: those the cache holds
     * for this SLO are copied, the others asked (older ones before the cached run, newer ones after it: after
     * the first evaluation, usually none or one), and the cache then holds the union.
     */
    void fill(BucketCache cache, SloDefinition slo, long first, long last, double[] good, long[] total) {
        BucketCache.Entry cached = cache == null ? null : cache.get(slo.name(), slo, baseUrl, bucket);
        if (cached != null && (Math.floorMod(cached.firstEnd() - first, bucket) != 0
                || cached.lastEnd() < first || cached.firstEnd() > last)) {
            cached = null; // another alignment (a calendar window's new period) or no overlap
        }
        if (cached == null) {
            fetch(first, last, good, total, 0);
            if (cache != null) {
                cache.put(slo.name(), new BucketCache.Entry(slo, baseUrl, bucket, first, good.clone(), total.clone(), cache.now()));
            }
            return;
        }
        long from = Math.max(first, cached.firstEnd());
        long to = Math.min(last, cached.lastEnd());
        int src = (int) ((from - cached.firstEnd()) / bucket);
        int dst = (int) ((from - first) / bucket);
        int n = (int) ((to - from) / bucket + 1);
        System.arraycopy(cached.good(), src, good, dst, n);
        System.arraycopy(cached.total(), src, total, dst, n);
        if (first < from) {
            fetch(first, from - bucket, good, total, 0);
        }
        if (to < last) {
            fetch(to + bucket, last, good, total, (int) ((to + bucket - first) / bucket));
        }
        if (first < cached.firstEnd() || last > cached.lastEnd()) {
            long unionFirst = Math.min(first, cached.firstEnd());
            long unionLast = Math.max(last, cached.lastEnd());
            int size = (int) ((unionLast - unionFirst) / bucket + 1);
            double[] g = new double[size];
            long[] t = new long[size];
            int at = (int) ((cached.firstEnd() - unionFirst) / bucket);
            System.arraycopy(cached.good(), 0, g, at, cached.size());
            System.arraycopy(cached.total(), 0, t, at, cached.size());
            at = (int) ((first - unionFirst) / bucket);
            System.arraycopy(good, 0, g, at, good.length);
            System.arraycopy(total, 0, t, at, total.length);
            // the entry keeps its first fetch's time: the TTL bounds how old any of its buckets can be
            cache.put(slo.name(), new BucketCache.Entry(slo, baseUrl, bucket, unionFirst, g, t, cached.createdMillis()));
        }
    }

    /** Fills {@code good} and {@code total} from index {@code offset} with the buckets ending at {@code firstEnd} … {@code lastEnd}. */
    void fetch(long firstEnd, long lastEnd, double[] good, long[] total, int offset) {
        int n = (int) ((lastEnd - firstEnd) / bucket + 1);
        PrometheusValues.chunks(firstEnd, lastEnd, bucket, (from, to) -> {
            add(client.range(baseUrl, goodQuery, from, to, bucket), firstEnd, good, offset, n);
            double[] counted = new double[good.length];
            add(client.range(baseUrl, totalQuery, from, to, bucket), firstEnd, counted, offset, n);
            for (int i = offset; i < offset + n; i++) {
                total[i] += Math.round(counted[i]);
            }
        });
    }

    private void add(List<PrometheusClient.RangeSeries> series, long firstEnd, double[] into, int offset, int n) {
        for (PrometheusClient.RangeSeries s : series) {
            for (int i = 0; i < s.seconds().length; i++) {
                long at = s.seconds()[i] - firstEnd;
                double v = s.values()[i];
                if (at % bucket == 0 && Double.isFinite(v)) {
                    int index = (int) (at / bucket);
                    if (index >= 0 && index < n) {
                        into[offset + index] += v;
                    }
                }
            }
        }
    }
}
