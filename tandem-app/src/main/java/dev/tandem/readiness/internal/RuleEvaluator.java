package dev.tandem.readiness.internal;

import dev.tandem.readiness.CheckResult;
import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.Fact;
import dev.tandem.readiness.Scorecard;

import java.util.Objects;

/** A scorecard rule against the fact it names: no fresh fact is "no data", a false comparison fails. */
public final class RuleEvaluator {

    private RuleEvaluator() {
    }

    public static CheckResult evaluate(Scorecard.Rule rule, Fact fact) {
        if (fact == null) {
            return CheckResult.noData(rule.id());
        }
        boolean pass = test(rule.operator(), fact.value(), rule.value());
        String message = "fact " + rule.fact() + " = " + (fact.value() == null ? "(none)" : fact.value())
                + (rule.operator().equals("exists") ? "" : ", expected " + rule.operator() + " " + rule.value());
        return new CheckResult(rule.id(), pass ? CheckStatus.PASS : CheckStatus.FAIL, message, fact.source(),
                fact.collectedAt(), null);
    }

    static boolean test(String operator, Object actual, Object expected) {
        if (operator.equals("exists")) {
            return actual != null;
        }
        if (actual == null) {
            return false;
        }
        if (actual instanceof Number a && expected instanceof Number e) {
            int c = Double.compare(a.doubleValue(), e.doubleValue());
            return switch (operator) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> false;
            };
        }
        boolean equal = Objects.equals(String.valueOf(actual), String.valueOf(expected));
        return switch (operator) {
            case "==" -> equal;
            case "!=" -> !equal;
            default -> false;
        };
    }
}
