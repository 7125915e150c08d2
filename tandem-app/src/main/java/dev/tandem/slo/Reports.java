package dev.tandem.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Turns the engine's {@link SloStatus} into the API's {@link SloReport}, and draws the history of a window. */
public final class Reports {

    private Reports() {
    }

    static SloReport of(Slo slo, SloStatus s, BudgetPolicy policy, String origin, Instant now) {
        Map<String, Double> burnRates = new LinkedHashMap<>();
        for (BurnRate b : s.burnRates()) {
            burnRates.put(b.windowName(), finite(b.value()));
        }
        List<SloReport.Alert> alerts = new ArrayList<>();
        for (BurnRateAlert a : s.alerts()) {
            String longName = SloDuration.format(a.longWindow());
            String shortName = SloDuration.format(a.shortWindow());
            alerts.add(new SloReport.Alert(a.tier(), a.severity(), List.of(longName, shortName), longName, shortName,
                    a.factor(), burnRates.get(longName), burnRates.get(shortName), a.firing(), a.state().name()));
        }
        ErrorBudget b = s.errorBudget();
        double remaining = finiteOr(b.remaining(), 1);
        BudgetState state = policy.stateOf(remaining);
        Duration tte = s.timeToExhaustion().orElse(null);
        return new SloReport(slo.name(), slo.service(), slo.owner(), now, s.period().start(), s.period().end(),
                s.state().name(), now, null, null,
                new SloReport.Counts(s.counts().good(), s.counts().bad(), s.counts().total()), finite(s.sli()),
                s.objective(), new SloReport.Budget(1, finiteOr(b.consumed(), 0), remaining, unit(slo, b),
                finiteOr(b.allowed(), 0), finiteOr(b.spent(), 0)),
                burnRates, alerts, tte == null ? null : tte.toString(), tte == null ? null : tte.toSeconds(),
                new SloReport.Policy(state, policy.atRiskBelow(), policy.exhaustedAtOrBelow(), policy.actionFor(state), origin));
    }

    /**
     * Events; for threshold and raw-ratio SLIs read from Prometheus, minutes (each minute with a value is one
     * unit); time slices for the time-slice methods.
     */
    static String unit(Slo slo, ErrorBudget b) {
        if (b.unit() == ErrorBudget.Unit.EVENTS && !slo.builtIn()
                && !(slo.definition().indicator().metric() instanceof IndicatorMetric.Ratio)) {
            return "MINUTES";
        }
        return b.unit().name();
    }

    /**
     * One point of an SLO's window: the budget left as of {@code at} (counted from the start of the period,
     * from events: the burn-down), and the SLI of the step that ends at {@code at}.
     */
    public record HistoryPoint(Instant at, Double remaining, Double sli) {
    }

    static List<HistoryPoint> history(SloDefinition slo, SliSource source, Instant now, int points) {
        Interval period = slo.timeWindow().periodAt(now);
        long span = Duration.between(period.start(), period.end()).toSeconds();
        if (span <= 0 || points < 2) {
            return List.of();
        }
        double allowed = slo.objective().errorBudgetRatio().doubleValue();
        long step = Math.max(60, span / points);
        List<HistoryPoint> out = new ArrayList<>();
        for (long t = step; t <= span; t += step) {
            Instant at = period.start().plusSeconds(t);
            EventCounts sofar = source.counts(period.start(), at);
            EventCounts last = source.counts(at.minusSeconds(step), at);
            Double remaining = sofar.isEmpty() ? null : 1 - sofar.errorRatio() / allowed;
            Double sli = last.isEmpty() ? null : (double) last.good() / last.total();
            out.add(new HistoryPoint(at, remaining, sli));
        }
        return out;
    }

    static Double finite(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v.getAsDouble() : null;
    }

    static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }
}
