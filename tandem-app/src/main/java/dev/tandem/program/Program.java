package dev.tandem.program;

import dev.tandem.engagement.Assessment;
import dev.tandem.engagement.Assessments;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.ExitCriteria;
import dev.tandem.engagement.ExitReadiness;
import dev.tandem.engagement.ReadinessSnapshots;
import dev.tandem.engagement.Rotation;
import dev.tandem.engagement.Selection;
import dev.tandem.survey.SurveyResults;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Assembles the program overview from the capabilities that own each part; it writes nothing. */
@Component
public class Program {

    private final Engagements engagements;
    private final ExitCriteria exitCriteria;
    private final Selection selection;
    private final Rotation rotation;
    private final SurveyResults surveys;
    private final Assessments assessments;
    private final ReadinessSnapshots snapshots;

    Program(Engagements engagements, ExitCriteria exitCriteria, Selection selection, Rotation rotation,
            SurveyResults surveys, Assessments assessments, ReadinessSnapshots snapshots) {
        this.engagements = engagements;
        this.exitCriteria = exitCriteria;
        this.selection = selection;
        this.rotation = rotation;
        this.surveys = surveys;
        this.assessments = assessments;
        this.snapshots = snapshots;
    }

    public ProgramOverview overview() {
        return overview(Quarter.current());
    }

    public ProgramOverview overview(Quarter quarter) {
        List<ProgramOverview.Running> running = new ArrayList<>();
        for (Engagement e : engagements.inStates(EnumSet.of(EngagementState.ACCEPTED, EngagementState.LEARNING,
                EngagementState.SHARING_CONTEXT, EngagementState.DRIVING_CHANGE, EngagementState.EXITING))) {
            running.add(new ProgramOverview.Running(e, exitCriteria.readiness(e.id())));
        }
        // the ones closest to leaving first
        running.sort(Comparator.comparingDouble((ProgramOverview.Running r) -> -r.exit().progress())
                .thenComparing(r -> r.engagement().title()));
        int ready = (int) running.stream().filter(r -> r.exit().stage() == ExitReadiness.Stage.READY
                || r.exit().stage() == ExitReadiness.Stage.PLAN_EXIT).count();
        int decision = (int) running.stream().filter(r -> r.exit().needsDecision()).count();

        List<ProgramOverview.Completed> completed = new ArrayList<>();
        for (Engagement e : engagements.inStates(EnumSet.of(EngagementState.COMPLETED))) {
            if (!quarter.contains(e.endedAt())) {
                continue;
            }
            Optional<Assessment> before = assessments.first(e.id());
            Optional<Assessment> after = assessments.latest(e.id());
            ExitReadiness exit = exitCriteria.readiness(e.id());
            completed.add(new ProgramOverview.Completed(e, before.map(Assessment::average).orElse(null),
                    after.map(Assessment::average).orElse(null), assessments.delta(e.id()).orElse(null),
                    snapshots.delta(e).orElse(null), exit.met(), exit.total(), surveys.engagementAverage(e.id())));
        }
        completed.sort(Comparator.comparing((ProgramOverview.Completed c) -> c.engagement().endedAt()).reversed());
        return new ProgramOverview(running, selection.ranking(), rotation.utilisation(), surveys.program(),
                quarter.toString(), completed, ready, decision);
    }
}
