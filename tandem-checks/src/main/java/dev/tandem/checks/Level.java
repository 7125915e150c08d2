package dev.tandem.checks;

/** Production readiness levels, tied to the service's SLO target. */
public enum Level {
    /** Critical: SLO above 99.9 %. */
    A,
    /** Standard: SLO between 99 % and 99.9 %; the suggested start. */
    B,
    /** Experimental: SLO between 95 % and 99 %. */
    C
}
