package dev.tandem.engagement;

import dev.tandem.readiness.CheckView;
import dev.tandem.readiness.Progress;
import dev.tandem.readiness.Readiness;
import dev.tandem.readiness.Requirement;
import dev.tandem.readiness.ScorecardStanding;
import dev.tandem.readiness.ServiceReadiness;
import dev.tandem.shared.Json;
import dev.tandem.shared.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the readiness of an engagement's services when it starts and when it completes, and answers the
 * difference: the "readiness delta" the program dashboard and the after-action report show.
 */
@Component
public class ReadinessSnapshots implements ReportSection {

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final Readiness readiness;

    ReadinessSnapshots(JdbcClient jdbc, Engagements engagements, Readiness readiness) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.readiness = readiness;
    }

    @EventListener
    void onMove(EngagementStateChanged event) {
        if (event.to() == EngagementState.LEARNING) {
            store(event.engagementId(), "START", take(engagements.get(event.engagementId())));
        } else if (event.to() == EngagementState.COMPLETED) {
            store(event.engagementId(), "END", take(engagements.get(event.engagementId())));
        }
    }

    /** The readiness of the engagement's services now. */
    public ReadinessSnapshot take(Engagement e) {
        List<ReadinessSnapshot.ServiceState> states = new ArrayList<>();
        for (String service : e.services()) {
            try {
                states.add(state(readiness.of(service)));
            } catch (NotFoundException gone) {
                // a service deleted since it was put in scope has no readiness to report
            }
        }
        return new ReadinessSnapshot(Instant.now(), states);
    }

    private static ReadinessSnapshot.ServiceState state(ServiceReadiness r) {
        int passing = 0;
        int applicable = 0;
        for (CheckView c : r.checks()) {
            if (c.requirement() != Requirement.NOT_APPLICABLE) {
                applicable++;
                if (c.result() != null && c.result().status().passing()) {
                    passing++;
                }
            }
        }
        int done = r.phases().stream().mapToInt(Progress::done).sum();
        int items = r.phases().stream().mapToInt(Progress::applicable).sum();
        Map<String, String> levels = new LinkedHashMap<>();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (ScorecardStanding s : r.scorecards()) {
            levels.put(s.scorecard(), s.level());
            ranks.put(s.scorecard(), s.rank());
        }
        return new ReadinessSnapshot.ServiceState(r.service(), passing, applicable, done, items, levels, ranks);
    }

    private void store(long engagementId, String kind, ReadinessSnapshot snapshot) {
        jdbc.sql("delete from engagement_snapshots where engagement_id = ? and kind = ?").params(engagementId, kind).update();
        jdbc.sql("insert into engagement_snapshots (engagement_id, kind, taken_at, document) values (?, ?, ?, ?)")
                .params(engagementId, kind, Timestamp.from(snapshot.takenAt()), Json.write(snapshot)).update();
    }

    public Optional<ReadinessSnapshot> snapshot(long engagementId, String kind) {
        return jdbc.sql("select document from engagement_snapshots where engagement_id = ? and kind = ?")
                .params(engagementId, kind).query(String.class).optional()
                .map(doc -> Json.read(doc, ReadinessSnapshot.class));
    }

    /** Start against end, or against now while the engagement runs; empty before the start. */
    public Optional<ReadinessDelta> delta(Engagement e) {
        Optional<ReadinessSnapshot> start = snapshot(e.id(), "START");
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Optional<ReadinessSnapshot> end = snapshot(e.id(), "END");
        return Optional.of(end.map(s -> new ReadinessDelta(start.get(), s, false))
                .orElseGet(() -> new ReadinessDelta(start.get(), take(e), true)));
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<String> markdown(Engagement e) {
        return delta(e).map(d -> {
            StringBuilder md = new StringBuilder("## Production readiness, start and end\n\n");
            md.append("| Service | Checks passing | Checklist done | Scorecards |\n|---|---|---|---|\n");
            for (ReadinessSnapshot.ServiceState s : d.end().services()) {
                ReadinessSnapshot.ServiceState before = d.start().services().stream()
                        .filter(b -> b.service().equals(s.service())).findFirst().orElse(s);
                md.append("| ").append(s.service()).append(" | ")
                        .append(before.checksPassing()).append('/').append(before.checksApplicable()).append(" → ")
                        .append(s.checksPassing()).append('/').append(s.checksApplicable()).append(" | ")
                        .append(before.itemsDone()).append('/').append(before.itemsApplicable()).append(" → ")
                        .append(s.itemsDone()).append('/').append(s.itemsApplicable()).append(" | ");
                List<String> cards = new ArrayList<>();
                s.scorecardLevels().forEach((card, level) -> cards.add(card + ": "
                        + Optional.ofNullable(before.scorecardLevels().get(card)).orElse("none") + " → "
                        + (level == null ? "none" : level)));
                md.append(cards.isEmpty() ? "–" : String.join(", ", cards)).append(" |\n");
            }
            md.append(String.format(java.util.Locale.ROOT, "%nChecks passing %+.0f points, checklist %+.0f points, %+d scorecard levels%s.%n",
                    d.checksPoints(), d.itemsPoints(), d.levelsGained(), d.live() ? " so far" : ""));
            return md.toString();
        });
    }
}
