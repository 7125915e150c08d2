package dev.tandem.checks;

/** What a readiness level asks of a check. */
public enum Requirement {
    /** The check must pass (or be exempt) for the service to meet the level. */
    REQUIRED,
    /** Worth doing; a failure is reported but does not fail the level. */
    RECOMMENDED,
    /** The level does not ask for it; results are still reported for information. */
    NOT_APPLICABLE
}
