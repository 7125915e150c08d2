package dev.tandem.slo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One service level objective, as Tandem evaluates it.
 *
 * @param name           unique, DNS-label-like identifier ({@code checkout-availability})
 * @param service        the catalog service it belongs to
 * @param owner          who answers for it (a team or person reference); may be null
 * @param alertTiers     the multi-window burn-rate alerts, exactly as they apply: readers fill in
 *                       {@link AlertTier#defaults()} when a file names none; an empty list means no alerts
 * @param minimumEvents  events the long window of an alert must hold before the alert may fire
 * @param labels         free labels, copied onto generated Prometheus series
 */
public record SloDefinition(String name, String displayName, String description, String service, String owner,
                            Indicator indicator, BudgetingMethod budgetingMethod, Objective objective,
                            TimeWindow timeWindow, List<AlertTier> alertTiers, long minimumEvents,
                            Map<String, String> labels) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9._]{0,251}[a-z0-9])?");

    public SloDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("SLO name '" + name + "' must be lower-case letters, digits, '-', '.' or '_', starting and ending with a letter or digit");
        }
        if (indicator == null || budgetingMethod == null || objective == null || timeWindow == null) {
            throw new IllegalArgumentException("SLO " + name + " needs an indicator, a budgeting method, an objective and a time window");
        }
        if (minimumEvents < 0) {
            throw new IllegalArgumentException("SLO " + name + ": the minimum event count cannot be negative");
        }
        alertTiers = alertTiers == null ? List.of() : List.copyOf(alertTiers);
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        if (budgetingMethod instanceof BudgetingMethod.Timeslices || budgetingMethod instanceof BudgetingMethod.RatioTimeslices) {
            SloDuration slice = budgetingMethod instanceof BudgetingMethod.Timeslices t ? t.sliceWindow()
                    : ((BudgetingMethod.RatioTimeslices) budgetingMethod).sliceWindow();
            if (slice.nominal().compareTo(timeWindow.duration().nominal()) > 0) {
                throw new IllegalArgumentException("SLO " + name + ": the time slice " + slice + " is longer than the window " + timeWindow.duration());
            }
        }
    }

    /** A minimal definition: occurrences over a rolling window with the default alert tiers. */
    public static SloDefinition of(String name, String service, Indicator indicator, double target, SloDuration window) {
        return new SloDefinition(name, null, null, service, null, indicator, new BudgetingMethod.Occurrences(),
                Objective.of(target), new TimeWindow.Rolling(window), AlertTier.defaults(), 0, Map.of());
    }

    public SloDefinition withAlertTiers(List<AlertTier> tiers) {
        return new SloDefinition(name, displayName, description, service, owner, indicator, budgetingMethod,
                objective, timeWindow, tiers, minimumEvents, labels);
    }

    public SloDefinition withMinimumEvents(long minimum) {
        return new SloDefinition(name, displayName, description, service, owner, indicator, budgetingMethod,
                objective, timeWindow, alertTiers, minimum, labels);
    }

    public SloDefinition withBudgetingMethod(BudgetingMethod method) {
        return new SloDefinition(name, displayName, description, service, owner, indicator, method,
                objective, timeWindow, alertTiers, minimumEvents, labels);
    }

    public SloDefinition withTimeWindow(TimeWindow window) {
        return new SloDefinition(name, displayName, description, service, owner, indicator, budgetingMethod,
                objective, window, alertTiers, minimumEvents, labels);
    }
}
