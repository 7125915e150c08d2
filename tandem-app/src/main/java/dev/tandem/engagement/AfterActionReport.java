package dev.tandem.engagement;

import java.time.Instant;

/**
 * The report written at the exit: drafted by Tandem from the charter, the journal, the criteria and the
 * assessments, then edited by the people who were there. Version 0 is the untouched draft; the
 * engagement completes only once someone has saved it.
 */
public record AfterActionReport(long engagementId, String body, Instant draftedAt, String updatedBy, Instant updatedAt,
                                int version) {

    public boolean reviewed() {
        return version > 0;
    }
}
