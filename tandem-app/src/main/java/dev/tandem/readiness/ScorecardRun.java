package dev.tandem.readiness;

/** What one evaluation of all scorecards did: how many services and check results it weighed, and how long it took. */
public record ScorecardRun(int scorecards, int services, long results, long millis) {
}
