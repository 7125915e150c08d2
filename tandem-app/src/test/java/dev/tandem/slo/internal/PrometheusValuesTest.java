package dev.tandem.slo.internal;

import dev.tandem.slo.AlertTier;
import dev.tandem.slo.BudgetingMethod;
import dev.tandem.slo.DataState;
import dev.tandem.slo.ErrorBudget;
import dev.tandem.slo.EventCounts;
import dev.tandem.slo.Indicator;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.Objective;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.SloEvaluator;
import dev.tandem.slo.SloStatus;
import dev.tandem.slo.TimeWindow;
import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The per-minute conversion of threshold and raw-ratio samples, and how spans are answered from minutes and buckets. */
class PrometheusValuesTest {

    static final IndicatorMetric THRESHOLD = new IndicatorMetric.Threshold(MetricSource.prometheus("latency_p99_seconds"));
    static final IndicatorMetric FAILURE = new IndicatorMetric.RawRatio(IndicatorMetric.RawType.FAILURE, MetricSource.prometheus("error_ratio"));
    static final IndicatorMetric SUCCESS = new IndicatorMetric.RawRatio(IndicatorMetric.RawType.SUCCESS, MetricSource.prometheus("success_ratio"));

    static Objective op(Objective.Op op, double value) {
        return new Objective(null, 0.99, false, op, value);
    }

    @Test
    void everyOpComparesAsWrittenAndTheBoundaryDecidesBetweenStrictAndNot() {
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.LT, 0.3), 0.3)).isZero();
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.LT, 0.3), 0.29)).isEqualTo(1);
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.LTE, 0.3), 0.3)).isEqualTo(1);
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.LTE, 0.3), 0.31)).isZero();
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.GT, 0.9), 0.9)).isZero();
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.GT, 0.9), 0.91)).isEqualTo(1);
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.GTE, 0.9), 0.9)).isEqualTo(1);
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.GTE, 0.9), 0.89)).isZero();
    }

    @Test
    void nanIsNoDataAndInfinitiesAreValues() {
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.LTE, 0.3), Double.NaN)).isNaN();
        assertThat(MinuteSamples.goodShare(FAILURE, Objective.of(0.99), Double.NaN)).isNaN();
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.LTE, 0.3), Double.POSITIVE_INFINITY)).isZero();
        assertThat(MinuteSamples.goodShare(THRESHOLD, op(Objective.Op.GT, 0.3), Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(MinuteSamples.goodShare(FAILURE, Objective.of(0.99), Double.POSITIVE_INFINITY)).as("clamped").isZero();
    }

    @Test
    void rawRatiosAreTheirGoodShareClampedToZeroToOne() {
        assertThat(MinuteSamples.goodShare(FAILURE, Objective.of(0.99), 0.02)).isCloseTo(0.98, within(1e-12));
        assertThat(MinuteSamples.goodShare(SUCCESS, Objective.of(0.99), 0.97)).isEqualTo(0.97);
        assertThat(MinuteSamples.goodShare(FAILURE, Objective.of(0.99), 1.5)).isZero();
        assertThat(MinuteSamples.goodShare(FAILURE, Objective.of(0.99), -0.5)).isEqualTo(1);
        assertThat(MinuteSamples.goodShare(SUCCESS, Objective.of(0.99), 2)).isEqualTo(1);
    }

    @Test
    void minutesCombineSeriesAndSkipGapsAndNaN() {
        PrometheusClient.RangeSeries a = new PrometheusClient.RangeSeries(new long[]{60, 120, 180, 300},
                new double[]{0.1, 0.5, Double.NaN, 0.2});
        PrometheusClient.RangeSeries b = new PrometheusClient.RangeSeries(new long[]{60, 240}, new double[]{0.4, 0.1});
        MinuteSamples m = MinuteSamples.of(THRESHOLD, op(Objective.Op.LTE, 0.3), List.of(a, b));
        // 60: two series, one good; 120: bad; 180: NaN only, no minute at all; 240 and 300: good
        assertThat(m.size()).isEqualTo(4);
        assertThat(m.secondsAt(0)).isEqualTo(60);
        assertThat(m.goodAt(0)).isEqualTo(1);
        assertThat(m.totalAt(0)).isEqualTo(2);
        assertThat(m.secondsAt(1)).isEqualTo(120);
        assertThat(m.goodAt(1)).isZero();
        assertThat(m.secondsAt(2)).isEqualTo(240);
        assertThat(m.secondsAt(3)).isEqualTo(300);
    }

    @Test
    void rangeAnswersParseNaNAndInfinities() {
        List<PrometheusClient.RangeSeries> series = PrometheusClient.parseRange("up", "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"a\":\"b\"},\"values\":[[1700000040,\"0.25\"],[1700000100,\"NaN\"],[1700000160,\"+Inf\"],[1700000220,\"-Inf\"]]}]}}");
        assertThat(series).hasSize(1);
        assertThat(series.get(0).seconds()).containsExactly(1700000040L, 1700000100L, 1700000160L, 1700000220L);
        assertThat(series.get(0).values()[0]).isEqualTo(0.25);
        assertThat(series.get(0).values()[1]).isNaN();
        assertThat(series.get(0).values()[2]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(series.get(0).values()[3]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PrometheusClient.parseRange("up", "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}")).isEmpty();
        assertThat(PrometheusClient.parseValues("up", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{},\"value\":[1700000000,\"0.25\"]},{\"metric\":{\"a\":\"b\"},\"value\":[1700000000,\"NaN\"]}]}}"))
                .as("NaN is no sample").containsExactly(0.25);
        assertThat(PrometheusClient.parseValues("up", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")).isEmpty();
        assertThatThrownBy(() -> PrometheusClient.parseRange("up", "{\"status\":\"error\",\"error\":\"x\"}"))
                .isInstanceOf(PrometheusClient.Rejected.class);
    }

    static SloDefinition threshold(String window, BudgetingMethod method) {
        return new SloDefinition("lat", null, null, "api", null, Indicator.of("p99", THRESHOLD), method,
                op(Objective.Op.LTE, 0.3), new TimeWindow.Rolling(SloDuration.parse(window)), AlertTier.defaults(), 0, Map.of());
    }

    @Test
    void aThirtyDayWindowFetchesThreeDaysOfMinutesAndHoursBeforeThem() {
        Instant now = Instant.parse("2026-03-10T12:00:30Z");
        PrometheusValues.Layout layout = PrometheusValues.Layout.of(threshold("30d", new BudgetingMethod.Occurrences()), now, now);
        assertThat(layout.bucket()).isEqualTo(3600);
        assertThat(layout.lastMinute()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z").getEpochSecond());
        // three days back, down to the hour
        assertThat(Instant.ofEpochSecond(layout.minutesAfter())).isEqualTo(Instant.parse("2026-03-07T12:00:00Z"));
        assertThat(layout.minuteCount()).isEqualTo(3 * 24 * 60);
        assertThat(Instant.ofEpochSecond(layout.firstBucketEnd())).isEqualTo(Instant.parse("2026-02-08T13:00:00Z"));
        assertThat(layout.bucketCount()).isEqualTo(27 * 24);
        // five-minute time slices: five-minute buckets; 90-minute slices: half hours
        assertThat(PrometheusValues.Layout.of(threshold("30d", new BudgetingMethod.Timeslices(0.9, SloDuration.parse("5m"))), now, now).bucket())
                .isEqualTo(300);
        assertThat(PrometheusValues.Layout.of(threshold("30d", new BudgetingMethod.RatioTimeslices(SloDuration.parse("90m"))), now, now).bucket())
                .isEqualTo(1800);
        // a short window needs no buckets
        assertThat(PrometheusValues.Layout.of(threshold("1d", new BudgetingMethod.Occurrences()), now, now).bucketCount()).isZero();
    }

    @Test
    void calendarWindowsCutBucketsFromTheStartOfThePeriodInTheirZone() {
        SloDefinition slo = threshold("30d", new BudgetingMethod.Occurrences()).withTimeWindow(new TimeWindow.Calendar(
                SloDuration.parse("1M"), java.time.LocalDateTime.parse("2026-01-01T00:00:00"), java.time.ZoneId.of("Asia/Kolkata")));
        Instant now = Instant.parse("2026-03-10T12:00:30Z");
        PrometheusValues.Layout layout = PrometheusValues.Layout.of(slo, now, now);
        // the period starts at midnight in Kolkata (18:30 UTC), so hours end at half past
        assertThat(Instant.ofEpochSecond(layout.firstBucketEnd())).isEqualTo(Instant.parse("2026-02-28T19:30:00Z"));
        assertThat(Instant.ofEpochSecond(layout.minutesAfter())).isEqualTo(Instant.parse("2026-03-07T11:30:00Z"));
        assertThat((layout.minutesAfter() - layout.firstBucketEnd()) % 3600).isZero();
    }

    @Test
    void longRangesAreSplitBelowPrometheussPointLimitAndTooManyPointsAreRefused() throws Exception {
        List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.add(java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery(), java.nio.charset.StandardCharsets.UTF_8));
            byte[] body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            PrometheusClient client = new PrometheusClient(Duration.ofSeconds(2), Duration.ofSeconds(2), 0, Duration.ofMillis(10));
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Instant now = Instant.parse("2026-03-10T12:00:30Z");
            // 1-minute slices over 30 days: 1-minute buckets, 38,880 of them in 4 queries each for good and total
            SloDefinition slices = threshold("30d", new BudgetingMethod.Timeslices(0.9, SloDuration.parse("1m")));
            PrometheusValues values = PrometheusValues.of(client, url, slices, now, now);
            assertThat(values.counts(now.minus(Duration.ofDays(30)), now)).isEqualTo(EventCounts.NONE);
            assertThat(asked).hasSize(1 + 2 * 4);
            assertThat(asked.get(0)).startsWith("query=latency_p99_seconds&").contains("&step=60&");
            for (String q : asked) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("start=(\\d+)&end=(\\d+)&step=(\\d+)").matcher(q);
                assertThat(m.find()).as(q).isTrue();
                long points = (Long.parseLong(m.group(2)) - Long.parseLong(m.group(1))) / Long.parseLong(m.group(3)) + 1;
                assertThat(points).as(q).isLessThanOrEqualTo(PrometheusValues.MAX_STEPS_PER_QUERY);
            }
            asked.clear();
            // a quarter of 1-minute slices is too much: refused before any query
            SloDefinition quarter = slices.withTimeWindow(new TimeWindow.Rolling(SloDuration.parse("90d")));
            assertThatThrownBy(() -> PrometheusValues.of(client, url, quarter, now, now)).hasMessageContaining("generated recording rules");
            assertThat(asked).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void bucketQueriesDropNaNAndNeverShareAMinute() {
        assertThat(PrometheusValues.goodPerBucket(THRESHOLD, threshold("30d", new BudgetingMethod.Occurrences()), "latency_p99_seconds", 3600))
                .isEqualTo("sum(sum_over_time((((latency_p99_seconds) >= -Inf) <= bool 0.3)[3599s:1m]))");
        SloDefinition raw = threshold("30d", new BudgetingMethod.Occurrences());
        assertThat(PrometheusValues.goodPerBucket(FAILURE, raw, "error_ratio", 300))
                .isEqualTo("sum(sum_over_time((1 - clamp(((error_ratio) >= -Inf), 0, 1))[299s:1m]))");
        assertThat(PrometheusValues.totalPerBucket("x", 3600)).isEqualTo("sum(count_over_time(((x) >= -Inf)[3599s:1m]))");
        assertThat(PrometheusValues.expression(" sum(rate(e[{{.window}}])) / sum(rate(t[{{.window}}])) "))
                .isEqualTo("sum(rate(e[5m])) / sum(rate(t[5m]))");
    }

    /** One good minute at every minute of an hour but the last ten, which are bad; plus hour buckets before. */
    static PrometheusValues values(long hourEnd) {
        return values(hourEnd, true);
    }

    static PrometheusValues values(long hourEnd, boolean withBuckets) {
        long[] t = new long[60];
        double[] v = new double[60];
        for (int i = 0; i < 60; i++) {
            t[i] = hourEnd - 3600 + (i + 1) * 60L;
            v[i] = i < 50 ? 0.1 : 0.9;
        }
        MinuteSamples minutes = MinuteSamples.of(THRESHOLD, op(Objective.Op.LTE, 0.3), List.of(new PrometheusClient.RangeSeries(t, v)));
        if (!withBuckets) {
            return new PrometheusValues(minutes, new long[0], 3600, new double[0], new long[0]);
        }
        long[] ends = {hourEnd - 2 * 3600, hourEnd - 3600};
        return new PrometheusValues(minutes, ends, 3600, new double[]{60, 30}, new long[]{60, 60});
    }

    @Test
    void spansTakeMinutesWhoseSampleEndsInsideAndBucketsMostlyInside() {
        long hourEnd = Instant.parse("2026-03-10T12:00:00Z").getEpochSecond();
        PrometheusValues values = values(hourEnd);
        Instant end = Instant.ofEpochSecond(hourEnd);
        // the last 10 minutes: samples at 11:51 … 12:00
        EventCounts last10 = PrometheusValues.minutes(values.counts(end.minusSeconds(600), end));
        assertThat(last10).isEqualTo(new EventCounts(0, 10));
        // not aligned: (11:49:40, 12:00:40] holds 11 samples, 11:50 the last good one
        EventCounts ragged = PrometheusValues.minutes(values.counts(end.minusSeconds(620), end.plusSeconds(40)));
        assertThat(ragged).isEqualTo(new EventCounts(1, 11));
        // three hours: both buckets and every minute
        assertThat(PrometheusValues.minutes(values.counts(end.minusSeconds(3 * 3600), end))).isEqualTo(new EventCounts(140, 180));
        // a span from 09:40 takes the 09:00-10:00 bucket? no: less than half of it is inside
        assertThat(PrometheusValues.minutes(values.counts(end.minusSeconds(2 * 3600 + 20 * 60), end))).isEqualTo(new EventCounts(80, 120));
        assertThat(PrometheusValues.minutes(values.counts(end.minusSeconds(2 * 3600 + 40 * 60), end))).isEqualTo(new EventCounts(140, 180));
        assertThat(values.counts(end, end)).isEqualTo(EventCounts.NONE);
        assertThat(values.counts(end.plusSeconds(60), end.plusSeconds(3600))).isEqualTo(EventCounts.NONE);
    }

    @Test
    void theEngineSeesTheSameFiguresAsFromTheBuiltInStoreWithOneEventAMinute() {
        long hourEnd = Instant.parse("2026-03-10T12:00:00Z").getEpochSecond();
        Instant now = Instant.ofEpochSecond(hourEnd).plusSeconds(30);
        SloDefinition slo = threshold("1d", new BudgetingMethod.Occurrences());
        SloStatus status = values(hourEnd, false).evaluate(slo, now);
        EventStore store = new EventStore(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(5));
        List<EventPoint> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // the sample at T stands for the minute that ends at T
            points.add(EventPoint.good(Instant.ofEpochSecond(hourEnd - 3600 + i * 60L), i < 50 ? 1 : 0, 1));
        }
        store.push("s", points);
        // the built-in store counts the minute bucket [11:59, 12:00) in a span ending 12:00:30; shift its clock by a minute
        SloStatus expected = SloEvaluator.evaluate(slo, (from, to) -> store.source("s").counts(from.minusSeconds(60), to.minusSeconds(60)), now);
        assertThat(status.state()).isEqualTo(DataState.OK);
        assertThat(status.sli().getAsDouble()).isCloseTo(expected.sli().getAsDouble(), within(1e-9));
        assertThat(status.counts()).isEqualTo(expected.counts());
        assertThat(status.errorBudget().unit()).isEqualTo(ErrorBudget.Unit.EVENTS);
        assertThat(status.errorBudget().spent()).isCloseTo(10, within(1e-9));
        assertThat(status.errorBudget().consumed()).isCloseTo(expected.errorBudget().consumed(), within(1e-9));
        assertThat(status.burnRate(Duration.ofMinutes(5)).orElseThrow().value().getAsDouble())
                .isCloseTo(expected.burnRate(Duration.ofMinutes(5)).orElseThrow().value().getAsDouble(), within(1e-9));
        assertThat(status.burnRate(Duration.ofHours(1)).orElseThrow().counts()).isEqualTo(new EventCounts(50, 60));
        assertThat(status.alerts().get(0).firing()).isTrue();
    }

    @Test
    void theMinimumEventCountIsInMinutes() {
        long hourEnd = Instant.parse("2026-03-10T12:00:00Z").getEpochSecond();
        Instant now = Instant.ofEpochSecond(hourEnd).plusSeconds(30);
        SloStatus few = values(hourEnd).evaluate(threshold("1d", new BudgetingMethod.Occurrences()).withMinimumEvents(61), now);
        assertThat(few.alerts().get(0).state()).isEqualTo(DataState.BELOW_MINIMUM);
        SloStatus enough = values(hourEnd).evaluate(threshold("1d", new BudgetingMethod.Occurrences()).withMinimumEvents(60), now);
        assertThat(enough.alerts().get(0).state()).isEqualTo(DataState.OK);
    }

    @Test
    void rawRatiosSpendFractionsOfMinutes() {
        long end = Instant.parse("2026-03-10T12:00:00Z").getEpochSecond();
        long[] t = {end - 120, end - 60, end};
        MinuteSamples minutes = MinuteSamples.of(FAILURE, Objective.of(0.99), List.of(new PrometheusClient.RangeSeries(t, new double[]{0.01, 0.02, 0.03})));
        PrometheusValues values = new PrometheusValues(minutes, new long[0], 3600, new double[0], new long[0]);
        SloDefinition slo = new SloDefinition("err", null, null, "api", null, Indicator.of("e", FAILURE), new BudgetingMethod.Occurrences(),
                Objective.of(0.99), new TimeWindow.Rolling(SloDuration.parse("1d")), AlertTier.defaults(), 0, Map.of());
        SloStatus status = values.evaluate(slo, Instant.ofEpochSecond(end).plusSeconds(10));
        assertThat(status.sli().getAsDouble()).isCloseTo(0.98, within(1e-9));
        assertThat(status.errorBudget().spent()).isCloseTo(0.06, within(1e-9));
        assertThat(status.errorBudget().allowed()).isCloseTo(0.03, within(1e-9));
        assertThat(status.errorBudget().consumed()).isCloseTo(2, within(1e-9));
        assertThat(status.burnRate(Duration.ofMinutes(5)).orElseThrow().value().getAsDouble()).isCloseTo(2, within(1e-9));
        assertThat(status.counts()).isEqualTo(new EventCounts(3, 3));
    }

    @Test
    void noValuesIsNoDataWithAnUntouchedBudget() {
        PrometheusValues values = new PrometheusValues(MinuteSamples.of(FAILURE, Objective.of(0.99), List.of()),
                new long[0], 3600, new double[0], new long[0]);
        SloStatus status = values.evaluate(threshold("1d", new BudgetingMethod.Occurrences()), Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(status.state()).isEqualTo(DataState.NO_DATA);
        assertThat(status.sli()).isEmpty();
        assertThat(status.errorBudget().remaining()).isEqualTo(1);
        assertThat(status.burnRates()).allSatisfy(b -> assertThat(b.value()).isEmpty());
        assertThat(status.timeToExhaustion()).isEmpty();
    }

    @Test
    void refusesCounterRatiosAndMissingAddresses() {
        SloDefinition slo = threshold("30d", new BudgetingMethod.Occurrences());
        assertThatThrownBy(() -> PrometheusValues.of(null, "", slo, Instant.now(), Instant.now())).hasMessageContaining("tandem.slo.prometheus-url");
        SloDefinition ratio = SloDefinition.of("avail", "api", Indicator.of("req", IndicatorMetric.Ratio.badOverTotal(
                MetricSource.prometheus("errors_total"), MetricSource.prometheus("requests_total"))), 0.99, SloDuration.parse("30d"));
        assertThatThrownBy(() -> PrometheusValues.of(null, "http://p:9090", ratio, Instant.now(), Instant.now()))
                .hasMessageContaining("PrometheusSource");
    }
}
