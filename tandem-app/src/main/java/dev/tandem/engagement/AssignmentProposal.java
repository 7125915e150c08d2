package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * The planner's proposal for one candidate of the queue: who, with what share, from when to when, and
 * why. {@code version} is the engagement's version the proposal was made from; applying it after the
 * engagement changed is refused.
 */
public record AssignmentProposal(int rank, long engagement, int version, String team, String title, String person,
                                 String displayName, int sharePercent, LocalDate start, LocalDate end,
                                 List<String> reasons) {

    public AssignmentProposal {
        reasons = List.copyOf(reasons);
    }
}
