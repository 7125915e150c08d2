package dev.tandem.slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates an SLO against its SLI data at one instant: attainment, error budget, burn rates, alerts.
 *
 * <p>Budgets come from counts: for Occurrences, bad events ÷ all events over the elapsed window (so a
 * busy hour weighs more than a quiet one). Burn rates are always event error ratios over each alert
 * window, whatever the budgeting method: they are the early signal, and a 5-minute window cannot be
 * judged in slices of an hour. No figure is ever NaN or infinite; empty spans report {@link DataState#NO_DATA}.
 */
public final class SloEvaluator {

    /** The window whose burn rate estimates the time to exhaustion. */
    public static final Duration CURRENT_RATE_WINDOW = Duration.ofHours(1);

    private SloEvaluator() {
    }

    public static SloStatus evaluate(SloDefinition slo, SliSource data, Instant now) {
        Interval period = slo.timeWindow().periodAt(now);
        double allowed = slo.objective().errorBudgetRatio().doubleValue();
        EventCounts counts = data.counts(period.start(), period.end());

        OptionalDouble sli;
        ErrorBudget budget;
        BudgetingMethod method = slo.budgetingMethod();
        if (method instanceof BudgetingMethod.Occurrences) {
            sli = counts.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of((double) counts.good() / counts.total());
            budget = ErrorBudget.of(ErrorBudget.Unit.EVENTS, counts.bad(), counts.total(), allowed);
        } else {
            Slices slices = Slices.count(slo, data, period);
            sli = slices.withData == 0 ? OptionalDouble.empty() : OptionalDouble.of(1 - slices.spent / slices.withData);
            budget = ErrorBudget.of(ErrorBudget.Unit.TIMESLICES, slices.spent, slices.withData, allowed);
        }

        Duration window = slo.timeWindow().nominalLength();
        Plan plan = Plan.of(slo.alertTiers(), window);
        List<BurnRate> burnRates = new ArrayList<>(plan.windows.length);
        for (Duration w : plan.windows) {
            burnRates.add(BurnRate.of(w, data.counts(now.minus(w), now), allowed));
        }
        List<BurnRateAlert> alerts = new ArrayList<>(plan.tiers.size());
        for (int i = 0; i < plan.tiers.size(); i++) {
            alerts.add(alert(plan.tiers.get(i), plan.factors[i], burnRates.get(plan.longIndex[i]),
                    burnRates.get(plan.shortIndex[i]), slo.minimumEvents()));
        }
        BurnRate current = burnRates.get(plan.currentIndex);
        Optional<Duration> exhaustion = timeToExhaustion(budget, current, window, counts);
        DataState state = counts.isEmpty() ? DataState.NO_DATA : DataState.OK;
        return new SloStatus(slo.name(), now, period, state, counts, sli, slo.objective().target(), budget,
                burnRates, alerts, exhaustion);
    }

    /**
     * What to compute for a set of tiers at a window length: the burn windows in ascending order, each
     * tier's factor and windows. Exact factors are costly to derive and a fleet shares a handful of tier
     * sets, so plans are cached.
     */
    private static final class Plan {
        private record Key(List<AlertTier> tiers, Duration window) {
        }

        private static final ConcurrentHashMap<Key, Plan> CACHE = new ConcurrentHashMap<>();

        final List<AlertTier> tiers;
        final Duration[] windows;
        final BigDecimal[] factors;
        final int[] longIndex;
        final int[] shortIndex;
        final int currentIndex;

        private Plan(List<AlertTier> tiers, Duration window) {
            this.tiers = tiers;
            TreeSet<Duration> set = new TreeSet<>();
            set.add(CURRENT_RATE_WINDOW);
            for (AlertTier t : tiers) {
                set.add(t.longWindow());
                set.add(t.shortWindow());
            }
            windows = set.toArray(new Duration[0]);
            List<Duration> list = List.of(windows);
            factors = new BigDecimal[tiers.size()];
            longIndex = new int[tiers.size()];
            shortIndex = new int[tiers.size()];
            for (int i = 0; i < tiers.size(); i++) {
                factors[i] = tiers.get(i).factorFor(window);
                longIndex[i] = list.indexOf(tiers.get(i).longWindow());
                shortIndex[i] = list.indexOf(tiers.get(i).shortWindow());
            }
            currentIndex = list.indexOf(CURRENT_RATE_WINDOW);
        }

        static Plan of(List<AlertTier> tiers, Duration window) {
            if (CACHE.size() > 10_000) {
                CACHE.clear();
            }
            return CACHE.computeIfAbsent(new Key(tiers, window), k -> new Plan(k.tiers(), k.window()));
        }
    }

    static BurnRateAlert alert(AlertTier tier, BigDecimal factor, BurnRate longRate, BurnRate shortRate, long minimumEvents) {
        DataState state;
        if (longRate.counts().isEmpty() || shortRate.counts().isEmpty()) {
            state = DataState.NO_DATA;
        } else if (longRate.counts().total() < minimumEvents) {
            state = DataState.BELOW_MINIMUM;
        } else {
            state = DataState.OK;
        }
        double f = factor.doubleValue();
        boolean firing = state == DataState.OK && longRate.exceeds(f) && shortRate.exceeds(f);
        return new BurnRateAlert(tier.name(), tier.severity(), tier.longWindow(), tier.shortWindow(), factor, firing, state);
    }

    /** remaining × window ÷ burn rate: at burn rate b, a share b × Δt ÷ window of the budget goes in Δt. */
    static Optional<Duration> timeToExhaustion(ErrorBudget budget, BurnRate current, Duration window, EventCounts period) {
        if (period.isEmpty()) {
            return Optional.empty();
        }
        if (budget.remaining() <= 0) {
            return Optional.of(Duration.ZERO);
        }
        if (current.value().isEmpty() || current.value().getAsDouble() <= 0) {
            return Optional.empty();
        }
        double seconds = budget.remaining() * window.toSeconds() / current.value().getAsDouble();
        return Optional.of(Duration.ofSeconds((long) Math.min(seconds, Long.MAX_VALUE / 2.0)));
    }

    /** Time slices of the period with data: their number and the spent (bad) share summed over them. */
    static final class Slices {
        long withData;
        double spent;

        static Slices count(SloDefinition slo, SliSource data, Interval period) {
            BudgetingMethod method = slo.budgetingMethod();
            SloDuration sliceWindow = method instanceof BudgetingMethod.Timeslices t ? t.sliceWindow()
                    : ((BudgetingMethod.RatioTimeslices) method).sliceWindow();
            long len = sliceWindow.nominal().toSeconds();
            // Rolling windows cut slices on a fixed grid (from the epoch), so a slice keeps its verdict as the
            // window moves; calendar windows cut them from the start of the period.
            long origin = slo.timeWindow() instanceof TimeWindow.Calendar ? period.start().getEpochSecond() : 0;
            long from = period.start().getEpochSecond();
            long to = period.end().getEpochSecond();
            long first = origin + Math.floorDiv(from - origin + len - 1, len) * len;
            Slices s = new Slices();
            for (long start = first; start + len <= to; start += len) {
                EventCounts c = data.counts(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + len));
                if (c.isEmpty()) {
                    continue;
                }
                s.withData++;
                double good = (double) c.good() / c.total();
                if (method instanceof BudgetingMethod.Timeslices t) {
                    s.spent += good >= t.sliceTarget() ? 0 : 1;
                } else {
                    s.spent += 1 - good;
                }
            }
            return s;
        }
    }
}
