package dev.tandem.readiness;

import java.time.Instant;
import java.util.List;

/**
 * One checklist item for one service: what the level asks, the effective state (from its automatic checks
 * when they have answered, otherwise from the people's answer), and whether the answer is due for a
 * re-check because its attestation expired.
 */
public record ItemStatus(ChecklistItem item, Requirement requirement, ItemState state, boolean automatic,
                         ReviewItem answer, List<CheckResult> checks, boolean due, Instant dueAt) {

    /** Required and not yet met (or not applicable), or met long enough ago to need a re-check. */
    public boolean blocking() {
        return requirement == Requirement.REQUIRED && (!state.done() || due);
    }
}
