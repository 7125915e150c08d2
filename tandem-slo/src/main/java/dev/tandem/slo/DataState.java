package dev.tandem.slo;

/** Whether a figure rests on data. Nothing is ever reported as NaN or infinity; this says why instead. */
public enum DataState {
    /** Events were counted. */
    OK,
    /** No events in the span: ratios and burn rates are absent, not zero and not NaN. */
    NO_DATA,
    /** Events were counted, but fewer than the SLO's minimum for an alert to fire. */
    BELOW_MINIMUM,
    /** Set by a caller whose source did not answer and who shows the last good figures (never by the engine). */
    STALE
}
