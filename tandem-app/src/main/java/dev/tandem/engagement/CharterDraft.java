package dev.tandem.engagement;

import java.util.List;
import java.util.Map;

/**
 * A charter as written in a form or sent to the API. Exit criteria are maps with a {@code kind} and the
 * kind's fields (see {@link ExitCriterion}); a criterion without a {@code key} gets one made from its
 * kind and target. {@code version} is the charter version the edit started from (0 for the first).
 */
public record CharterDraft(String background, String goal, String customerValue, String commandersIntent,
                           List<String> inScope, List<String> outOfScope, String syncCadence, String feedbackCadence,
                           List<String> contacts, Integer holdDays, List<Map<String, Object>> exitCriteria,
                           Integer version) {

    public static CharterDraft of(Charter c) {
        return new CharterDraft(c.background(), c.goal(), c.customerValue(), c.commandersIntent(), c.inScope(),
                c.outOfScope(), c.syncCadence(), c.feedbackCadence(), c.contacts(), c.holdDays(),
                c.exitCriteria().stream().map(ExitCriterion::toMap).toList(), c.version());
    }
}
