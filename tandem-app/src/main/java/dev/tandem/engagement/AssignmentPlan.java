package dev.tandem.engagement;

import java.time.LocalDate;
import java.util.List;

/** The planner's answer: proposals in queue order, and the candidates no SRE can take, with why. */
public record AssignmentPlan(LocalDate today, RotationSettings settings, List<AssignmentProposal> proposals,
                             List<Unstaffed> unstaffed) {

    public AssignmentPlan {
        proposals = List.copyOf(proposals);
        unstaffed = List.copyOf(unstaffed);
    }

    public record Unstaffed(int rank, long engagement, String team, String title, List<String> reasons) {
        public Unstaffed {
            reasons = List.copyOf(reasons);
        }
    }
}
