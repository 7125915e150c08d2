package dev.tandem.engagement;

import java.util.List;

/**
 * A proposal's selection score, 0 to 100, with its breakdown: for each criterion the weight, the value
 * (0 to 1), the points it adds and why. The total is the weighted mean of the values, times 100.
 */
public record SelectionScore(double total, List<Part> parts) {

    public record Part(String criterion, String label, int weight, double value, double points, String reason) {
    }

    public String totalText() {
        return String.format(java.util.Locale.ROOT, "%.1f", total);
    }
}
