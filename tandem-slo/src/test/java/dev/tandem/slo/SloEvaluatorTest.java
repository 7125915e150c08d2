package dev.tandem.slo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SloEvaluatorTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    static SloDefinition availability(double target) {
        return SloDefinition.of("checkout-availability", "checkout",
                Indicator.of("checkout-requests", IndicatorMetric.Ratio.goodOverTotal(MetricSource.builtIn(), MetricSource.builtIn())),
                target, SloDuration.parse("30d"));
    }

    /** The example: 2 % errors in the last hour of a 99.9 % SLO burn at 20 and page. */
    @Test
    void twoPercentErrorsForAnHourBurnAtTwentyAndPage() {
        MinuteData data = new MinuteData()
                .fill(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofHours(1)), 1000, 1000)
                .fill(NOW.minus(Duration.ofHours(1)), NOW, 980, 1000);

        SloStatus status = SloEvaluator.evaluate(availability(0.999), data, NOW);

        assertThat(status.state()).isEqualTo(DataState.OK);
        assertThat(status.burnRate(Duration.ofHours(1)).orElseThrow().value().getAsDouble()).isCloseTo(20, within(1e-9));
        assertThat(status.burnRate(Duration.ofMinutes(5)).orElseThrow().value().getAsDouble()).isCloseTo(20, within(1e-9));
        // 1,200 bad of 360,000 in 6 h: 0.00333… ÷ 0.001
        assertThat(status.burnRate(Duration.ofHours(6)).orElseThrow().value().getAsDouble()).isCloseTo(10.0 / 3, within(1e-9));
        assertThat(status.alerts()).extracting(BurnRateAlert::tier, BurnRateAlert::firing).containsExactly(
                org.assertj.core.groups.Tuple.tuple("page-1h", true),
                org.assertj.core.groups.Tuple.tuple("page-6h", false),
                org.assertj.core.groups.Tuple.tuple("ticket-1d", false),
                org.assertj.core.groups.Tuple.tuple("ticket-3d", false));
        assertThat(status.isFiring("page")).isTrue();
        // 1,200 bad of 43,200,000 events; the budget allows 43,200.
        assertThat(status.counts()).isEqualTo(new EventCounts(43_200_000 - 1_200, 43_200_000));
        assertThat(status.errorBudget().allowed()).isCloseTo(43_200, within(1e-6));
        assertThat(status.errorBudget().spent()).isEqualTo(1_200);
        assertThat(status.errorBudget().consumed()).isCloseTo(1200.0 / 43200, within(1e-12));
        assertThat(status.errorBudget().remaining()).isCloseTo(1 - 1200.0 / 43200, within(1e-12));
        assertThat(status.sli().getAsDouble()).isCloseTo(1 - 1200.0 / 43_200_000, within(1e-15));
        // remaining 0.97222 of the budget at burn 20: 0.97222 × 30 d ÷ 20 = 1.4583 d
        assertThat(status.timeToExhaustion().orElseThrow().toMinutes()).isEqualTo((long) ((1 - 1200.0 / 43200) * 30 * 24 * 60 / 20));
    }

    @Test
    void budgetIsWeightedByEventsNotAnAverageOfRatios() {
        // A quiet hour with 50 % errors (10 events) and a busy hour with none (990 events): 5 bad of 1,000.
        MinuteData data = new MinuteData()
                .put(NOW.minus(Duration.ofHours(2)), 5, 10)
                .put(NOW.minus(Duration.ofHours(1)), 990, 990);
        SloStatus status = SloEvaluator.evaluate(availability(0.99), data, NOW);
        assertThat(status.sli().getAsDouble()).isCloseTo(0.995, within(1e-12));
        assertThat(status.errorBudget().consumed()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void zeroTrafficIsNoDataNeverNaN() {
        SloStatus status = SloEvaluator.evaluate(availability(0.999), new MinuteData(), NOW);
        assertThat(status.state()).isEqualTo(DataState.NO_DATA);
        assertThat(status.sli()).isEmpty();
        assertThat(status.errorBudget().consumed()).isZero();
        assertThat(status.errorBudget().remaining()).isEqualTo(1);
        assertThat(status.burnRates()).allSatisfy(b -> {
            assertThat(b.value()).isEmpty();
            assertThat(b.state()).isEqualTo(DataState.NO_DATA);
        });
        assertThat(status.alerts()).allSatisfy(a -> {
            assertThat(a.firing()).isFalse();
            assertThat(a.state()).isEqualTo(DataState.NO_DATA);
        });
        assertThat(status.timeToExhaustion()).isEmpty();
    }

    @Test
    void recentSilenceAfterTrafficHasNoDataInShortWindowsOnly() {
        MinuteData data = new MinuteData().fill(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)), 90, 100);
        SloStatus status = SloEvaluator.evaluate(availability(0.999), data, NOW);
        assertThat(status.state()).isEqualTo(DataState.OK);
        assertThat(status.burnRate(Duration.ofHours(1)).orElseThrow().value()).isEmpty();
        assertThat(status.burnRate(Duration.ofDays(3)).orElseThrow().value().getAsDouble()).isCloseTo(100, within(1e-9));
        assertThat(status.alerts()).noneMatch(BurnRateAlert::firing);
        assertThat(status.timeToExhaustion()).contains(Duration.ZERO);
        assertThat(status.errorBudget().isExhausted()).isTrue();
        assertThat(status.errorBudget().remaining()).isCloseTo(-99, within(1e-9));
    }

    @Test
    void lowTrafficBelowTheMinimumDoesNotPage() {
        // One failure among 10 requests in the last hour burns at 100 — but 10 events are below the minimum.
        MinuteData data = new MinuteData().put(NOW.minus(Duration.ofMinutes(3)), 9, 10);
        SloStatus guarded = SloEvaluator.evaluate(availability(0.999).withMinimumEvents(100), data, NOW);
        assertThat(guarded.burnRate(Duration.ofHours(1)).orElseThrow().value().getAsDouble()).isCloseTo(100, within(1e-9));
        assertThat(guarded.alerts().get(0).state()).isEqualTo(DataState.BELOW_MINIMUM);
        assertThat(guarded.isFiring("page")).isFalse();

        SloStatus unguarded = SloEvaluator.evaluate(availability(0.999).withMinimumEvents(10), data, NOW);
        assertThat(unguarded.alerts().get(0).state()).isEqualTo(DataState.OK);
        assertThat(unguarded.isFiring("page")).isTrue();
    }

    @Test
    void factorsScaleWithTheWindow() {
        assertThat(factors("30d")).containsExactly("14.4", "6", "3", "1");
        assertThat(factors("28d")).containsExactly("13.44", "5.6", "2.8", "0.933333333333");
        assertThat(factors("7d")).containsExactly("3.36", "1.4", "0.7", "0.233333333333");
        assertThat(factors("4w")).containsExactly("13.44", "5.6", "2.8", "0.933333333333");
    }

    private static List<String> factors(String window) {
        Duration w = SloDuration.parse(window).nominal();
        return AlertTier.defaults().stream().map(t -> t.factorFor(w).toPlainString()).toList();
    }

    @Test
    void customTiersAndExplicitFactors() {
        SloDefinition slo = availability(0.99).withAlertTiers(List.of(
                AlertTier.ofFactor("fast", "page", Duration.ofMinutes(30), Duration.ofMinutes(5), new BigDecimal("10"))));
        MinuteData data = new MinuteData().fill(NOW.minus(Duration.ofMinutes(30)), NOW, 85, 100);
        SloStatus status = SloEvaluator.evaluate(slo, data, NOW);
        assertThat(status.burnRates()).extracting(BurnRate::windowName).containsExactly("5m", "30m", "1h");
        assertThat(status.alerts()).singleElement().satisfies(a -> {
            assertThat(a.factor()).isEqualByComparingTo("10");
            assertThat(a.firing()).isTrue();
        });
    }

    @Test
    void calendarMonthFollowsTheTimeZoneAcrossDaylightSaving() {
        TimeWindow.Calendar month = new TimeWindow.Calendar(SloDuration.parse("1M"),
                java.time.LocalDateTime.parse("2026-01-01T00:00"), java.time.ZoneId.of("Europe/Berlin"));
        Instant midMarch = Instant.parse("2026-03-15T12:00:00Z");
        Interval march = month.fullPeriodAt(midMarch);
        assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));   // 1 March 00:00 CET
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));     // 1 April 00:00 CEST
        assertThat(march.length()).isEqualTo(Duration.ofHours(31 * 24 - 1));
        Interval october = month.fullPeriodAt(Instant.parse("2026-10-31T22:59:59Z"));
        assertThat(october.length()).isEqualTo(Duration.ofHours(31 * 24 + 1));
        assertThat(month.fullPeriodAt(Instant.parse("2026-10-31T23:00:00Z")).start()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));

        // 30 minutes after local midnight on 1 March counts; 30 minutes before it does not.
        MinuteData data = new MinuteData()
                .put(Instant.parse("2026-02-28T22:30:00Z"), 0, 1000)
                .put(Instant.parse("2026-02-28T23:30:00Z"), 99, 100);
        SloStatus status = SloEvaluator.evaluate(availability(0.9).withTimeWindow(month), data, midMarch);
        assertThat(status.period().start()).isEqualTo(march.start());
        assertThat(status.counts()).isEqualTo(new EventCounts(99, 100));
    }

    @Test
    void calendarPeriodsKeepTheirDayOfMonthAfterShortMonths() {
        TimeWindow.Calendar monthly = new TimeWindow.Calendar(SloDuration.parse("1M"),
                java.time.LocalDateTime.parse("2026-01-31T00:00"), java.time.ZoneId.of("UTC"));
        // 31 Jan + 1 M = 28 Feb; + 2 M = 31 Mar (not 28 Mar).
        assertThat(monthly.fullPeriodAt(Instant.parse("2026-03-30T00:00:00Z")).start()).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
        assertThat(monthly.fullPeriodAt(Instant.parse("2026-03-31T00:00:00Z")).start()).isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
        TimeWindow.Calendar quarter = new TimeWindow.Calendar(SloDuration.parse("1Q"),
                java.time.LocalDateTime.parse("2026-01-01T00:00"), java.time.ZoneId.of("America/New_York"));
        assertThat(quarter.fullPeriodAt(Instant.parse("2026-05-01T00:00:00Z")).start()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
    }

    @Test
    void timeslicesCountGoodSlices() {
        // Ten whole hours: nine at 99 % (1,000 events), one at 90 % with ten times the traffic.
        Instant start = Instant.parse("2026-03-10T00:00:00Z");
        MinuteData data = new MinuteData();
        for (int h = 0; h < 10; h++) {
            Instant hour = start.plus(Duration.ofHours(h));
            if (h == 4) {
                data.put(hour, 9_000, 10_000);
            } else {
                data.put(hour, 990, 1_000);
            }
        }
        Instant now = start.plus(Duration.ofHours(10));
        SloDefinition base = availability(0.8).withTimeWindow(new TimeWindow.Rolling(SloDuration.parse("1d")));

        SloStatus slices = SloEvaluator.evaluate(base.withBudgetingMethod(
                new BudgetingMethod.Timeslices(0.95, SloDuration.parse("1h"))), data, now);
        assertThat(slices.sli().getAsDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(slices.errorBudget().unit()).isEqualTo(ErrorBudget.Unit.TIMESLICES);
        assertThat(slices.errorBudget().allowed()).isCloseTo(2, within(1e-9));   // 20 % of 10 slices
        assertThat(slices.errorBudget().spent()).isEqualTo(1);
        assertThat(slices.errorBudget().consumed()).isCloseTo(0.5, within(1e-9));

        SloStatus ratios = SloEvaluator.evaluate(base.withBudgetingMethod(
                new BudgetingMethod.RatioTimeslices(SloDuration.parse("1h"))), data, now);
        assertThat(ratios.sli().getAsDouble()).isCloseTo((9 * 0.99 + 0.9) / 10, within(1e-12));
        assertThat(ratios.errorBudget().spent()).isCloseTo(9 * 0.01 + 0.1, within(1e-12));

        SloStatus events = SloEvaluator.evaluate(base, data, now);
        assertThat(events.sli().getAsDouble()).isCloseTo((9 * 990 + 9_000) / 19_000.0, within(1e-12));
    }

    @Test
    void timeslicesSkipIncompleteAndEmptySlices() {
        Instant now = Instant.parse("2026-03-10T10:30:00Z");
        MinuteData data = new MinuteData()
                .put(Instant.parse("2026-03-10T08:10:00Z"), 50, 100)      // 08:00–09:00 slice, bad
                .put(Instant.parse("2026-03-10T10:10:00Z"), 0, 100);      // the current, incomplete slice
        SloDefinition slo = availability(0.5).withTimeWindow(new TimeWindow.Rolling(SloDuration.parse("1d")))
                .withBudgetingMethod(new BudgetingMethod.Timeslices(0.9, SloDuration.parse("1h")));
        SloStatus status = SloEvaluator.evaluate(slo, data, now);
        assertThat(status.sli().getAsDouble()).isZero();
        assertThat(status.errorBudget().spent()).isEqualTo(1);
        assertThat(status.errorBudget().consumed()).isCloseTo(2, within(1e-12));
    }

    @Test
    void timeToExhaustionAtTheCurrentRate() {
        // Half the budget spent two days ago; now burning at 2: 0.5 × 30 d ÷ 2 = 7.5 d.
        MinuteData data = new MinuteData()
                .put(NOW.minus(Duration.ofDays(2)), 1_000_000 - 500, 1_000_000)
                .fill(NOW.minus(Duration.ofHours(1)), NOW, 998, 1000);
        SloStatus status = SloEvaluator.evaluate(availability(0.999), data, NOW);
        assertThat(status.burnRate(Duration.ofHours(1)).orElseThrow().value().getAsDouble()).isCloseTo(2, within(1e-9));
        double remaining = status.errorBudget().remaining();
        assertThat(status.timeToExhaustion().orElseThrow().getSeconds())
                .isCloseTo((long) (remaining * Duration.ofDays(30).toSeconds() / 2), within(2L));
    }

    @Test
    void labelsAndMetadataAreKept() {
        SloDefinition slo = new SloDefinition("a", "A", "d", "svc", "team-a", availability(0.9).indicator(),
                new BudgetingMethod.Occurrences(), Objective.of(0.9), new TimeWindow.Rolling(SloDuration.parse("1w")),
                List.of(), 5, Map.of("tier", "gold"));
        assertThat(slo.alertTiers()).isEmpty();
        assertThat(SloEvaluator.evaluate(slo, new MinuteData(), NOW).alerts()).isEmpty();
        assertThat(slo.labels()).containsEntry("tier", "gold");
    }
}
