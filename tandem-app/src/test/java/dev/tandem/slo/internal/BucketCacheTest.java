package dev.tandem.slo.internal;

import dev.tandem.slo.BudgetingMethod;
import dev.tandem.slo.Objective;
import dev.tandem.slo.SloDefinition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class BucketCacheTest {

    /** A clock the test moves. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-03-10T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final SloDefinition SLO = PrometheusValuesTest.threshold("30d", new BudgetingMethod.Occurrences());
    static final String URL = "http://prometheus:9090";

    static BucketCache.Entry entry(SloDefinition slo, int buckets, long createdMillis) {
        return new BucketCache.Entry(slo, URL, 3600, 3600, new double[buckets], new long[buckets], createdMillis);
    }

    @Test
    void anEntryServesOnlyItsOwnDefinitionAddressAndBucketSizeUntilItsTtl() {
        Hand clock = new Hand();
        BucketCache cache = new BucketCache(Duration.ofHours(1), 1000, clock);
        cache.put("lat", entry(SLO, 10, clock.millis()));
        assertThat(cache.get("lat", SLO, URL, 3600)).isNotNull();
        assertThat(cache.get("other", SLO, URL, 3600)).isNull();
        assertThat(cache.get("lat", SLO, URL, 300)).as("another bucket size").isNull();
        assertThat(cache.size()).as("a mismatch drops the entry").isZero();

        cache.put("lat", entry(SLO, 10, clock.millis()));
        SloDefinition stricter = new SloDefinition("lat", null, null, "api", null, SLO.indicator(), SLO.budgetingMethod(),
                PrometheusValuesTest.op(Objective.Op.LTE, 0.2), SLO.timeWindow(), SLO.alertTiers(), 0, java.util.Map.of());
        assertThat(cache.get("lat", stricter, URL, 3600)).as("a changed definition").isNull();

        cache.put("lat", entry(SLO, 10, clock.millis()));
        assertThat(cache.get("lat", SLO, "http://elsewhere:9090", 3600)).as("another Prometheus").isNull();

        cache.put("lat", entry(SLO, 10, clock.millis()));
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertThat(cache.get("lat", SLO, URL, 3600)).isNotNull();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(cache.get("lat", SLO, URL, 3600)).as("past the TTL").isNull();
    }

    @Test
    void memoryIsBoundedByBucketsAndWhenFullNewSlosWaitWhileGrowingOnesDropTheLeastRecentlyUsed() {
        Hand clock = new Hand();
        BucketCache cache = new BucketCache(Duration.ofHours(1), 25, clock);
        cache.put("a", entry(SLO, 10, clock.millis()));
        cache.put("b", entry(SLO, 10, clock.millis()));
        cache.put("c", entry(SLO, 10, clock.millis()));
        assertThat(cache.get("c", SLO, URL, 3600)).as("full: a new SLO is not admitted").isNull();
        assertThat(cache.buckets()).isEqualTo(20);
        assertThat(cache.get("a", SLO, URL, 3600)).isNotNull(); // a is now more recent than b
        cache.put("a", entry(SLO, 12, clock.millis()));
        assertThat(cache.get("b", SLO, URL, 3600)).as("22 buckets still fit").isNotNull();
        cache.put("a", entry(SLO, 20, clock.millis()));
        assertThat(cache.get("b", SLO, URL, 3600)).as("a grew past the bound: the least recently used made room").isNull();
        assertThat(cache.get("a", SLO, URL, 3600).size()).isEqualTo(20);
        assertThat(cache.buckets()).isEqualTo(20);

        cache.put("huge", entry(SLO, 26, clock.millis()));
        assertThat(cache.get("huge", SLO, URL, 3600)).as("larger than the whole cache: not kept").isNull();
        assertThat(cache.buckets()).isEqualTo(20);

        clock.now = clock.now.plus(Duration.ofHours(2));
        cache.expire();
        assertThat(cache.size()).isZero();
        assertThat(cache.buckets()).isZero();
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        Hand clock = new Hand();
        BucketCache cache = new BucketCache(Duration.ZERO, 1000, clock);
        cache.put("lat", entry(SLO, 10, clock.millis()));
        assertThat(cache.size()).isZero();
    }
}
