package dev.tandem.slo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BudgetMathProperties {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    /** Sparse data: a few minutes with counts, at offsets (minutes before now) within 30 days. */
    static MinuteData data(List<Integer> offsets, List<Long> totals, List<Integer> badPermille, long scale) {
        MinuteData d = new MinuteData();
        for (int i = 0; i < offsets.size(); i++) {
            long base = totals.get(i % totals.size());
            long bad = base * badPermille.get(i % badPermille.size()) / 1000 * scale;
            long total = base * scale;
            d.put(NOW.minus(Duration.ofMinutes(offsets.get(i))), total - bad, total);
        }
        return d;
    }

    static SloDefinition slo(double target) {
        return SloEvaluatorTest.availability(target);
    }

    @Property(tries = 300)
    void consumedPlusRemainingIsOneAndNothingIsEverNaN(
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 43_199) Integer> offsets,
            @ForAll @Size(min = 1, max = 5) List<@LongRange(min = 0, max = 1_000_000) Long> totals,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 1000) Integer> badPermille,
            @ForAll @DoubleRange(min = 0.5, max = 0.99999) @Scale(6) double target) {
        SloStatus s = SloEvaluator.evaluate(slo(target), data(offsets, totals, badPermille, 1), NOW);
        ErrorBudget b = s.errorBudget();
        assertThat(b.consumed() + b.remaining()).isCloseTo(1, within(1e-9));
        for (double v : new double[] {b.allowed(), b.spent(), b.consumed(), b.remaining()}) {
            assertThat(Double.isFinite(v)).isTrue();
        }
        s.sli().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
        for (BurnRate r : s.burnRates()) {
            r.value().ifPresent(v -> assertThat(Double.isFinite(v) && v >= 0).isTrue());
            assertThat(r.value().isPresent()).isEqualTo(!r.counts().isEmpty());
        }
        assertThat(s.state() == DataState.NO_DATA).isEqualTo(s.counts().isEmpty());
        s.timeToExhaustion().ifPresent(d -> assertThat(d.isNegative()).isFalse());
    }

    @Property(tries = 200)
    void burnRatesAndBudgetSharesDoNotDependOnTheVolume(
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 43_199) Integer> offsets,
            @ForAll @Size(min = 1, max = 5) List<@LongRange(min = 1, max = 100_000) Long> totals,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 1000) Integer> badPermille,
            @ForAll @IntRange(min = 2, max = 1000) int scale) {
        SloStatus one = SloEvaluator.evaluate(slo(0.999), data(offsets, totals, badPermille, 1), NOW);
        SloStatus many = SloEvaluator.evaluate(slo(0.999), data(offsets, totals, badPermille, scale), NOW);
        assertThat(many.errorBudget().consumed()).isCloseTo(one.errorBudget().consumed(), within(1e-6 * Math.max(1, one.errorBudget().consumed())));
        for (int i = 0; i < one.burnRates().size(); i++) {
            BurnRate a = one.burnRates().get(i);
            BurnRate b = many.burnRates().get(i);
            assertThat(b.value().isPresent()).isEqualTo(a.value().isPresent());
            a.value().ifPresent(v -> assertThat(b.value().getAsDouble()).isCloseTo(v, within(1e-6 * Math.max(1, v))));
        }
        assertThat(many.alerts()).extracting(BurnRateAlert::firing).isEqualTo(one.alerts().stream().map(BurnRateAlert::firing).toList());
    }

    @Property(tries = 200)
    void burnRateIsTheErrorRatioOverTheAllowedRatio(
            @ForAll @LongRange(min = 1, max = 10_000_000) long total,
            @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double errorShare,
            @ForAll @DoubleRange(min = 0.9, max = 0.9999) @Scale(6) double target) {
        long bad = (long) (total * errorShare);
        MinuteData d = new MinuteData().put(NOW.minusSeconds(60), total - bad, total);
        SloStatus s = SloEvaluator.evaluate(slo(target), d, NOW);
        double expected = ((double) bad / total) / (1 - target);
        assertThat(s.burnRate(Duration.ofMinutes(5)).orElseThrow().value().getAsDouble()).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
        assertThat(s.errorBudget().consumed()).isCloseTo(expected * 1, within(1e-9 * Math.max(1, expected)));
    }

    @Property(tries = 100)
    void derivedFactorsSpendTheirShareOfTheBudgetInTheLongWindow(
            @ForAll @IntRange(min = 1, max = 90) int days, @ForAll @IntRange(min = 0, max = 3) int tier) {
        AlertTier t = AlertTier.defaults().get(tier);
        Duration window = Duration.ofDays(days);
        // At burn rate f, the long window spends f × long ÷ window of the budget: that is the share.
        double spent = t.factorFor(window).doubleValue() * t.longWindow().toMinutes() / window.toMinutes();
        assertThat(spent).isCloseTo(t.budgetShare().doubleValue(), within(1e-9));
        assertThat(t.factorFor(window).toPlainString()).doesNotContain("99999").doesNotContain("00000");
    }
}
