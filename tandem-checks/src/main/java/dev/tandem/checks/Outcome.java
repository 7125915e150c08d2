package dev.tandem.checks;

/** The outcome of a check, for one object (a {@link Finding}) or over everything analysed (a {@link CheckResult}). */
public enum Outcome {
    PASS,
    FAIL,
    /** A failure that an exemption (an annotation on the object, or one given by the caller) waives, with its reason. */
    EXEMPT,
    /** Nothing the check applies to was analysed. */
    NOT_APPLICABLE
}
