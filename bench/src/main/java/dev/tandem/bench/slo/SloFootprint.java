package dev.tandem.bench.slo;

import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloEvaluator;
import dev.tandem.slo.SloStatus;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Loads the 10,000-SLO fleet with every minute of 30 days through the public push API, then reports the
 * heap the store retains (used heap after full collections, minus the baseline), the load rate, and one
 * cold and several warm passes of evaluating the whole fleet. Run with {@code -Xmx1g} to show it fits.
 *
 * <pre>java -Xmx1g -cp bench/target/tandem-bench.jar dev.tandem.bench.slo.SloFootprint [slos] [days]</pre>
 */
public final class SloFootprint {

    public static void main(String[] args) {
        int slos = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : SloFleet.DAYS;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        long t0 = System.nanoTime();
        SloFleet fleet = SloFleet.minuteData(slos, days);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long points = (long) slos * days * 24 * 60;
        long retained = settledHeap(memory) - before;
        if (Boolean.getBoolean("tandem.bench.histogram")) {
            System.out.println("(heap settled; attach jmap -histo:live now)");
        }
        System.out.printf("slos=%d days=%d points=%d load_s=%.1f load_points_per_s=%.0f%n", slos, days, points, loadSeconds, points / loadSeconds);
        System.out.printf("retained_heap_mib=%.1f per_slo_kib=%.1f max_heap_mib=%d%n", retained / 1048576.0,
                retained / 1024.0 / slos, Runtime.getRuntime().maxMemory() / 1048576);
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < 6; pass++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            int firing = 0;
            for (SloDefinition slo : fleet.slos) {
                SloStatus status = SloEvaluator.evaluate(slo, fleet.store.source(slo.name()), SloFleet.NOW);
                firing += status.isFiring("page") ? 1 : 0;
            }
            System.out.printf("evaluate_all pass=%d wall_ms=%.1f cpu_ms=%.1f paging=%d%n", pass, (System.nanoTime() - s) / 1e6,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e6, firing);
        }
    }

    private static long settledHeap(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
