package dev.tandem.readiness;

/**
 * What one evaluation of scorecards did: how many services and stored check results it weighed, the time
 * to read them and rank every service ({@code evaluationMillis}), and the time including writing the
 * levels and the day's history ({@code millis}).
 */
public record ScorecardRun(int scorecards, int services, long results, long evaluationMillis, long millis) {
}
