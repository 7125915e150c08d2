package dev.tandem.slo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;

/**
 * One multi-window burn-rate alert: it fires when both the long and the short window burn the error
 * budget faster than the factor. The factor is either given directly, or derived from a budget share:
 * {@code factor = budgetShare × window ÷ longWindow}, the burn rate at which that share of the whole
 * window's budget is spent within the long window. Derived factors therefore scale with the SLO's window.
 *
 * @param name        stable identifier, used as the {@code tier} label of generated alerts
 * @param severity    {@code page} or {@code ticket} (any word; routed by Alertmanager)
 * @param budgetShare share of the window's budget, e.g. 0.02; null when {@code factor} is given
 * @param factor      explicit burn-rate factor; null when derived from {@code budgetShare}
 * @param alertAfter  how long the condition must hold before the alert fires (Prometheus {@code for}); may be zero
 */
public record AlertTier(String name, String severity, Duration longWindow, Duration shortWindow,
                        BigDecimal budgetShare, BigDecimal factor, Duration alertAfter) {

    static final MathContext PRECISION = new MathContext(12);

    public AlertTier {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an alert tier needs a name");
        }
        if (severity == null || severity.isBlank()) {
            throw new IllegalArgumentException("alert tier " + name + " needs a severity");
        }
        requirePositiveMinutes(name, "long window", longWindow);
        requirePositiveMinutes(name, "short window", shortWindow);
        if (shortWindow.compareTo(longWindow) > 0) {
            throw new IllegalArgumentException("alert tier " + name + ": the short window is longer than the long one");
        }
        if ((budgetShare == null) == (factor == null)) {
            throw new IllegalArgumentException("alert tier " + name + " needs exactly one of budget share and factor");
        }
        if (budgetShare != null) {
            budgetShare = budgetShare.stripTrailingZeros();
            if (budgetShare.signum() <= 0 || budgetShare.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("alert tier " + name + ": the budget share must be in (0, 1]");
            }
        }
        if (factor != null) {
            factor = factor.stripTrailingZeros();
            if (factor.signum() <= 0) {
                throw new IllegalArgumentException("alert tier " + name + ": the factor must be positive");
            }
        }
        alertAfter = alertAfter == null ? Duration.ZERO : alertAfter;
    }

    private static void requirePositiveMinutes(String name, String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("alert tier " + name + ": the " + what + " must be a positive whole number of minutes");
        }
    }

    /** A tier whose factor is derived from the share of the budget spent in the long window. */
    public static AlertTier ofBudgetShare(String name, String severity, Duration longWindow, Duration shortWindow, String share) {
        return new AlertTier(name, severity, longWindow, shortWindow, new BigDecimal(share), null, Duration.ZERO);
    }

    /** A tier with a fixed factor, e.g. from an OpenSLO AlertCondition's threshold. */
    public static AlertTier ofFactor(String name, String severity, Duration longWindow, Duration shortWindow, BigDecimal factor) {
        return new AlertTier(name, severity, longWindow, shortWindow, null, factor, Duration.ZERO);
    }

    /** The burn-rate factor for an SLO whose window is {@code window} long, to 12 significant digits. */
    public BigDecimal factorFor(Duration window) {
        if (factor != null) {
            return factor;
        }
        BigDecimal ratio = BigDecimal.valueOf(window.toMinutes())
                .divide(BigDecimal.valueOf(longWindow.toMinutes()), PRECISION);
        return budgetShare.multiply(ratio, PRECISION).stripTrailingZeros();
    }

    /**
     * The SRE workbook's tiers for a 30-day window: page on 2 % of the budget in 1 h (and 5 m) or 5 % in
     * 6 h (and 30 m); ticket on 10 % in 1 d (and 2 h) or 10 % in 3 d (and 6 h). Factors 14.4, 6, 3 and 1
     * at 30 days; each scales with the window.
     */
    public static List<AlertTier> defaults() {
        return DEFAULTS;
    }

    private static final List<AlertTier> DEFAULTS = List.of(
            ofBudgetShare("page-1h", "page", Duration.ofHours(1), Duration.ofMinutes(5), "0.02"),
            ofBudgetShare("page-6h", "page", Duration.ofHours(6), Duration.ofMinutes(30), "0.05"),
            ofBudgetShare("ticket-1d", "ticket", Duration.ofDays(1), Duration.ofHours(2), "0.1"),
            ofBudgetShare("ticket-3d", "ticket", Duration.ofDays(3), Duration.ofHours(6), "0.1"));
}
