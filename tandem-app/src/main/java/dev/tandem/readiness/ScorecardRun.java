package dev.tandem.readiness;

/**
 * What one evaluation of scorecards did: how many services and stored check results it weighed, the time
 * to read them and rank every service ({@code evaluationMicros}), and the time including writing the
 * levels and the day's history ({@code totalMicros}).
 */
public record ScorecardRun(int scorecards, int services, long results, long evaluationMicros, long totalMicros) {

    public long evaluationMillis() {
        return evaluationMicros / 1000;
    }

    public long millis() {
        return totalMicros / 1000;
    }
}
