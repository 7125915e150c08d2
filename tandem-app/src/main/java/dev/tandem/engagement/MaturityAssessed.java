package dev.tandem.engagement;

/** A maturity assessment was created or changed; exit criteria on maturity scores listen. */
public record MaturityAssessed(long engagementId, long assessmentId, AssessmentKind kind) {
}
