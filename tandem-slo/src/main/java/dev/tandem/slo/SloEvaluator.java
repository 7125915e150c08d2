package dev.tandem.slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

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

        List<AlertTier> tiers = slo.alertTiers();
        List<BurnRate> burnRates = burnRates(tiers, data, now, allowed);
        List<BurnRateAlert> alerts = new ArrayList<>(tiers.size());
        Duration window = slo.timeWindow().nominalLength();
        for (AlertTier tier : tiers) {
            alerts.add(alert(tier, tier.factorFor(window), find(burnRates, tier.longWindow()),
                    find(burnRates, tier.shortWindow()), slo.minimumEvents()));
        }
        Optional<Duration> exhaustion = timeToExhaustion(budget, find(burnRates, CURRENT_RATE_WINDOW), window, counts);
        DataState state = counts.isEmpty() ? DataState.NO_DATA : DataState.OK;
        return new SloStatus(slo.name(), now, period, state, counts, sli, slo.objective().target(), budget,
                burnRates, alerts, exhaustion);
    }

    private static List<BurnRate> burnRates(List<AlertTier> tiers, SliSource data, Instant now, double allowed) {
        TreeSet<Duration> windows = new TreeSet<>();
        windows.add(CURRENT_RATE_WINDOW);
        for (AlertTier t : tiers) {
            windows.add(t.longWindow());
            windows.add(t.shortWindow());
        }
        List<BurnRate> result = new ArrayList<>(windows.size());
        for (Duration w : windows) {
            result.add(BurnRate.of(w, data.counts(now.minus(w), now), allowed));
        }
        return result;
    }

    private static BurnRate find(List<BurnRate> rates, Duration window) {
        for (BurnRate r : rates) {
            if (r.window().equals(window)) {
                return r;
            }
        }
        throw new IllegalStateException("no burn rate for " + window);
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
