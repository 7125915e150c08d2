package dev.tandem.slo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error-budget policy: two thresholds on the remaining budget (a fraction of the budget, 1 = untouched,
 * negative when overspent) and the actions agreed for each state.
 *
 * <p>HEALTHY while remaining &gt; {@code atRiskBelow}; EXHAUSTED once remaining ≤ {@code exhaustedAtOrBelow};
 * AT_RISK in between. The defaults: at risk from 25 % left, exhausted at 0.
 *
 * @param actions what the team agreed to do in each state, as text ("feature freeze; only reliability fixes ship")
 */
public record BudgetPolicy(double atRiskBelow, double exhaustedAtOrBelow, Map<BudgetState, String> actions) {

    public static final BudgetPolicy DEFAULT = new BudgetPolicy(0.25, 0.0, Map.of(
            BudgetState.HEALTHY, "Ship as usual.",
            BudgetState.AT_RISK, "Prioritise reliability work; review risky changes before release.",
            BudgetState.EXHAUSTED, "Feature freeze: only reliability fixes and security patches ship until the budget recovers."));

    public BudgetPolicy {
        if (!Double.isFinite(atRiskBelow) || !Double.isFinite(exhaustedAtOrBelow)) {
            throw new IllegalArgumentException("policy thresholds must be numbers");
        }
        if (atRiskBelow > 1 || exhaustedAtOrBelow < -10 || exhaustedAtOrBelow > atRiskBelow) {
            throw new IllegalArgumentException("need -10 <= exhaustedAtOrBelow <= atRiskBelow <= 1 (fractions of the budget left; -10 is ten budgets overspent), got "
                    + exhaustedAtOrBelow + " and " + atRiskBelow);
        }
        Map<BudgetState, String> copy = new LinkedHashMap<>();
        for (BudgetState s : BudgetState.values()) {
            String text = actions == null ? null : actions.get(s);
            if (text != null && text.length() > 1000) {
                throw new IllegalArgumentException("the actions for " + s.label() + " are longer than 1000 characters");
            }
            if (text != null && !text.isBlank()) {
                copy.put(s, text.strip());
            }
        }
        actions = java.util.Collections.unmodifiableMap(copy);
    }

    public BudgetState stateOf(double remaining) {
        if (remaining <= exhaustedAtOrBelow) {
            return BudgetState.EXHAUSTED;
        }
        return remaining <= atRiskBelow ? BudgetState.AT_RISK : BudgetState.HEALTHY;
    }

    public String actionFor(BudgetState state) {
        return actions.get(state);
    }
}
