package dev.tandem.engagement;

/**
 * What changed in the readiness of an engagement's services between its start and its end (or now, while
 * it runs): the share of checks passing and of checklist items done, in percentage points, and scorecard
 * levels gained (negative: lost).
 */
public record ReadinessDelta(ReadinessSnapshot start, ReadinessSnapshot end, boolean live) {

    public double checksPoints() {
        return 100 * (end.checksShare() - start.checksShare());
    }

    public double itemsPoints() {
        return 100 * (end.itemsShare() - start.itemsShare());
    }

    public int levelsGained() {
        return end.scorecardRanks() - start.scorecardRanks();
    }
}
