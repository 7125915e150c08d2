package dev.tandem.program;

import dev.tandem.engagement.Candidate;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.ExitReadiness;
import dev.tandem.engagement.ReadinessDelta;
import dev.tandem.engagement.Utilisation;
import dev.tandem.survey.ProgramResults;

import java.util.List;

/**
 * The program at a glance: the running engagements and their exit readiness, the teams waiting with their
 * scores, how busy the SREs are, how satisfied the teams are, and what the engagements completed this
 * quarter achieved.
 */
public record ProgramOverview(List<Running> running, List<Candidate> waiting, Utilisation utilisation,
                              ProgramResults satisfaction, String quarter, List<Completed> completed,
                              int readyToExit, int needingDecision) {

    public ProgramOverview {
        running = List.copyOf(running);
        waiting = List.copyOf(waiting);
        completed = List.copyOf(completed);
    }

    public record Running(Engagement engagement, ExitReadiness exit) {
    }

    /**
     * A completed engagement's outcome: the maturity average before and after (and the change), the
     * readiness of its services at the start and the end, its exit criteria met, and its survey average.
     */
    public record Completed(Engagement engagement, Double maturityBefore, Double maturityAfter, Double maturityDelta,
                            ReadinessDelta readiness, int criteriaMet, int criteriaTotal, Double satisfaction) {
    }
}
