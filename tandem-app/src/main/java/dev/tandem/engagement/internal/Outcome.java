package dev.tandem.engagement.internal;

import dev.tandem.engagement.CriterionState;

/**
 * What one evaluation of a criterion found.
 *
 * @param stale the signal's source did not answer: keep the last known state, and say so
 */
public record Outcome(CriterionState state, String detail, Double progress, boolean stale) {

    static Outcome met(String detail, Double progress) {
        return new Outcome(CriterionState.MET, detail, progress, false);
    }

    static Outcome notMet(String detail, Double progress) {
        return new Outcome(CriterionState.NOT_MET, detail, progress, false);
    }

    static Outcome noData(String detail) {
        return new Outcome(CriterionState.NO_DATA, detail, null, false);
    }

    static Outcome stale(String detail) {
        return new Outcome(CriterionState.NO_DATA, detail, null, true);
    }
}
