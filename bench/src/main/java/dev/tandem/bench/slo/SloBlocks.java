package dev.tandem.bench.slo;

import dev.tandem.bench.tsdb.BlockWriter;
import dev.tandem.bench.tsdb.Labels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The side by side's minute data as Prometheus TSDB blocks, one per UTC day: per SLO the counters
 * {@code slo_requests_total{slo="slo-N",code="500"}} (bad events) and {@code {…,code="200"}} (good
 * events), one sample a minute from {@code END − DAYS} to {@code END} inclusive, the sample at minute
 * {@code m} counting the events of the minutes before it ({@link SloFleet#bad}, {@link SloFleet#total}).
 * Streams: a day of one series at a time, plus two running counters per SLO.
 */
final class SloBlocks {

    static final String METRIC = "slo_requests_total";
    private static final long MINUTE = 60_000;
    private static final long DAY = 24 * 60 * MINUTE;

    private SloBlocks() {
    }

    static Labels series(int slo, boolean bad) {
        return Labels.of("__name__", METRIC, "slo", "slo-" + slo, "code", bad ? "500" : "200");
    }

    /** Writes the blocks into {@code dataDir}; returns the number of samples. */
    static long write(Path dataDir, int count, int days, long endMinute) throws IOException {
        long startMinute = endMinute - days * 1440L;
        long first = startMinute * MINUTE;
        long last = endMinute * MINUTE;
        List<Labels> all = new ArrayList<>();
        Map<Labels, Integer> index = new HashMap<>();
        for (int i = 0; i < count; i++) {
            for (boolean bad : new boolean[] {true, false}) {
                Labels l = series(i, bad);
                all.add(l);
                index.put(l, bad ? ~i : i);
            }
        }
        long[] badCounters = new long[count];
        long[] goodCounters = new long[count];
        long[] t = new long[1440];
        double[] v = new double[1440];
        long samples = 0;
        for (long day = Math.floorDiv(first, DAY) * DAY; day <= last; day += DAY) {
            long from = Math.max(day, first);
            long to = Math.min(day + DAY, last + 1);
            BlockWriter block = BlockWriter.create(dataDir, from, to, all);
            for (Labels s : block.series()) {
                int key = index.get(s);
                boolean bad = key < 0;
                int i = bad ? ~key : key;
                long counter = bad ? badCounters[i] : goodCounters[i];
                int n = 0;
                for (long at = from; at < to; at += MINUTE) {
                    long m = at / MINUTE - startMinute;
                    t[n] = at;
                    v[n++] = counter;
                    long badEvents = SloFleet.bad(i, m);
                    counter += bad ? badEvents : SloFleet.total(i, m) - badEvents;
                }
                if (bad) {
                    badCounters[i] = counter;
                } else {
                    goodCounters[i] = counter;
                }
                block.append(s, t, v, n);
            }
            samples += block.samples();
            block.commit();
        }
        return samples;
    }
}
