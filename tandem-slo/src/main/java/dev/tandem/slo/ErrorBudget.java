package dev.tandem.slo;

/**
 * The error budget over the elapsed window, computed from counts (never from an average of ratios).
 *
 * @param unit      what is counted: events (Occurrences) or time slices (Timeslices, RatioTimeslices)
 * @param allowed   bad units the objective allows for what was observed: (1 − objective) × total units
 * @param spent     bad units observed (for RatioTimeslices, the sum of the slices' error ratios)
 * @param consumed  spent ÷ allowed, a fraction of the budget (above 1 when overspent)
 * @param remaining 1 − consumed (negative when overspent); consumed + remaining = 1
 */
public record ErrorBudget(Unit unit, double allowed, double spent, double consumed, double remaining) {

    public enum Unit { EVENTS, TIMESLICES }

    /** The budget before anything is observed: nothing spent. */
    static ErrorBudget untouched(Unit unit) {
        return new ErrorBudget(unit, 0, 0, 0, 1);
    }

    /** {@code spentUnits} bad of {@code totalUnits} observed, against an allowed error ratio. */
    static ErrorBudget of(Unit unit, double spentUnits, double totalUnits, double allowedErrorRatio) {
        if (totalUnits <= 0) {
            return untouched(unit);
        }
        double allowed = allowedErrorRatio * totalUnits;
        double consumed = (spentUnits / totalUnits) / allowedErrorRatio;
        return new ErrorBudget(unit, allowed, spentUnits, consumed, 1 - consumed);
    }

    /** Units still allowed before the budget is gone (negative when overspent). */
    public double remainingUnits() {
        return allowed - spent;
    }

    public boolean isExhausted() {
        return consumed >= 1;
    }
}
