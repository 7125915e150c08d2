package dev.tandem.bench.slo;

import dev.tandem.slo.Indicator;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated fleet of SLOs on the built-in store: 30-day rolling, 99.9 %, default alert tiers, and
 * minute data whose traffic and error rate differ per SLO (deterministic).
 */
public final class SloFleet {

    /** The end of the generated data: a fixed instant, so every run sees the same numbers. */
    public static final Instant NOW = Instant.parse("2026-03-31T00:00:00Z");
    public static final int DAYS = 30;

    public final List<SloDefinition> slos = new ArrayList<>();
    public final EventStore store = new EventStore(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    public static SloDefinition slo(int i) {
        Indicator indicator = Indicator.of("requests-" + i,
                IndicatorMetric.Ratio.goodOverTotal(MetricSource.builtIn(), MetricSource.builtIn()));
        return SloDefinition.of("slo-" + i, "service-" + (i / 2), indicator, 0.999, SloDuration.parse("30d"));
    }

    /** Requests in minute {@code m} (minutes since the start of the data) for SLO {@code i}. */
    public static long total(int i, long m) {
        return 50 + (i % 40) * 25 + (m % 7) * 3;
    }

    /** Bad requests: about 0.05 % on most SLOs, with bursts on every 97th. */
    public static long bad(int i, long m) {
        long mix = (i * 2654435761L + m * 40503L) & 0xffff;
        long base = mix % 2000 == 0 ? 1 : 0;
        boolean burst = i % 97 == 0 && m % 1440 > 1380;
        return Math.min(total(i, m), base + (burst ? total(i, m) / 20 : 0));
    }

    /** A fleet of {@code count} SLOs with every minute of {@code days} days pushed, oldest first, in batches of an hour. */
    public static SloFleet minuteData(int count, int days) {
        SloFleet fleet = new SloFleet();
        long minutes = days * 24L * 60;
        Instant start = NOW.minus(Duration.ofMinutes(minutes));
        for (int i = 0; i < count; i++) {
            SloDefinition slo = slo(i);
            fleet.slos.add(slo);
            List<EventPoint> batch = new ArrayList<>(60);
            for (long m = 0; m < minutes; m++) {
                long total = total(i, m);
                batch.add(EventPoint.good(start.plusSeconds(m * 60), total - bad(i, m), total));
                if (batch.size() == 60) {
                    fleet.store.push(slo.name(), batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                fleet.store.push(slo.name(), batch);
            }
        }
        return fleet;
    }
}
