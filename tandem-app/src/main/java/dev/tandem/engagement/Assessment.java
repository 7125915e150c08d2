package dev.tandem.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A maturity assessment of an engagement's team: each {@link MaturityArea} scored 1 to 5, with a note.
 *
 * @param scores one per area, in the matrix's order
 */
public record Assessment(long id, long engagementId, AssessmentKind kind, LocalDate date, String assessor,
                         List<AreaScore> scores, String createdBy, Instant createdAt, String updatedBy,
                         Instant updatedAt, int version) {

    public Assessment {
        scores = List.copyOf(scores);
    }

    /** @param area the area's key ({@code slos-and-alerting}) */
    public record AreaScore(String area, String label, int score, String note) {
    }

    public Optional<Integer> score(MaturityArea area) {
        return scores.stream().filter(s -> s.area().equals(area.key())).map(AreaScore::score).findFirst();
    }

    public Optional<String> note(MaturityArea area) {
        return scores.stream().filter(s -> s.area().equals(area.key())).map(AreaScore::note).findFirst();
    }

    /** The mean over the areas scored (all seven, for a saved assessment). */
    public double average() {
        return scores.stream().mapToInt(AreaScore::score).average().orElse(0);
    }
}
