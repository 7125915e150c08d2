package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * An assessment as a form or an API body sends it: every area needs a score from 1 to 5.
 *
 * @param date     the day of the assessment; today when left out
 * @param assessor who assessed; the signed-in user when left out
 * @param version  the assessment's version when updating; ignored when creating
 */
public record AssessmentDraft(String kind, LocalDate date, String assessor, List<Score> areas, Integer version) {

    /** @param area the area's key ({@code observability}) */
    public record Score(String area, Integer score, String note) {
    }
}
