package dev.tandem.slo.web;

import dev.tandem.slo.BudgetPolicy;
import dev.tandem.slo.BudgetState;
import dev.tandem.slo.Slos;
import org.springframework.validation.BindingResult;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The budget-policy form on an SLO's page. People think of the thresholds as percentages of the budget
 * left, the API as fractions; the form holds the text as typed, so that a wrong entry comes back as it
 * was, next to its message.
 */
record PolicyForm(String atRiskBelow, String exhaustedAtOrBelow, String healthyAction, String atRiskAction,
                  String exhaustedAction, Integer version) {

    static final int MAX_ACTION = 1000;

    static PolicyForm of(BudgetPolicy policy, int version) {
        return new PolicyForm(percent(policy.atRiskBelow()), percent(policy.exhaustedAtOrBelow()),
                policy.actionFor(BudgetState.HEALTHY), policy.actionFor(BudgetState.AT_RISK),
                policy.actionFor(BudgetState.EXHAUSTED), version);
    }

    PolicyForm withVersion(int current) {
        return new PolicyForm(atRiskBelow, exhaustedAtOrBelow, healthyAction, atRiskAction, exhaustedAction, current);
    }

    /** The policy the form describes, or null with the problems put next to their fields. */
    BudgetPolicy toPolicy(BindingResult result) {
        Double atRisk = number("atRiskBelow", atRiskBelow, result);
        Double exhausted = number("exhaustedAtOrBelow", exhaustedAtOrBelow, result);
        if (atRisk != null && atRisk > 100) {
            result.rejectValue("atRiskBelow", "range", "At most 100 % (the whole budget).");
            atRisk = null;
        }
        if (exhausted != null && exhausted < -1000) {
            result.rejectValue("exhaustedAtOrBelow", "range", "At least -1000 % (ten budgets overspent).");
            exhausted = null;
        }
        if (atRisk != null && exhausted != null && exhausted > atRisk) {
            result.rejectValue("exhaustedAtOrBelow", "order", "Must be at or below the at-risk threshold ("
                    + percent(atRisk / 100) + " %): a budget is exhausted only after it was at risk.");
        }
        length("healthyAction", healthyAction, result);
        length("atRiskAction", atRiskAction, result);
        length("exhaustedAction", exhaustedAction, result);
        if (result.hasErrors()) {
            return null;
        }
        Map<BudgetState, String> actions = new EnumMap<>(BudgetState.class);
        put(actions, BudgetState.HEALTHY, healthyAction);
        put(actions, BudgetState.AT_RISK, atRiskAction);
        put(actions, BudgetState.EXHAUSTED, exhaustedAction);
        return Slos.policyOf(atRisk / 100, exhausted / 100, actions);
    }

    private static Double number(String field, String text, BindingResult result) {
        String t = text == null ? "" : text.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.isEmpty()) {
            result.rejectValue(field, "required", "Enter a percentage of the budget left, such as 25.");
            return null;
        }
        try {
            double v = Double.parseDouble(t.replace(',', '.'));
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        result.rejectValue(field, "number", "'" + text.strip() + "' is not a number; enter a percentage such as 25.");
        return null;
    }

    private static void length(String field, String text, BindingResult result) {
        if (text != null && text.strip().length() > MAX_ACTION) {
            result.rejectValue(field, "length", "At most " + MAX_ACTION + " characters (this has " + text.strip().length() + ").");
        }
    }

    private static void put(Map<BudgetState, String> actions, BudgetState state, String text) {
        if (text != null && !text.isBlank()) {
            actions.put(state, text.strip());
        }
    }

    /** 0.25 → "25", 0.075 → "7.5". */
    static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
