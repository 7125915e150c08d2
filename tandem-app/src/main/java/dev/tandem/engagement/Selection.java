package dev.tandem.engagement;

import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.shared.Actor;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks the proposed engagements by a transparent weighted score. Admins tune the weights; a weight of
 * 0 leaves a criterion out.
 */
@Component
public class Selection {

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final Services services;
    private final EngagementAccess access;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    Selection(JdbcClient jdbc, Engagements engagements, Services services, EngagementAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.services = services;
        this.access = access;
        this.audit = audit;
    }

    /** The weights in force: the stored ones over the defaults. */
    public Map<SelectionCriterion, Integer> weights() {
        Map<SelectionCriterion, Integer> weights = new EnumMap<>(SelectionCriterion.class);
        for (SelectionCriterion c : SelectionCriterion.values()) {
            weights.put(c, c.defaultWeight());
        }
        jdbc.sql("select criterion, weight from selection_weights").query((rs, n) -> {
            SelectionCriterion c = SelectionCriterion.fromKey(rs.getString(1));
            if (c != null) {
                weights.put(c, rs.getInt(2));
            }
            return null;
        }).list();
        return weights;
    }

    /** Replaces the weights named (by key, e.g. {@code low-risk}); the others keep theirs. */
    @Transactional
    public Map<SelectionCriterion, Integer> setWeights(Map<String, Integer> changes) {
        access.requireManager("change the selection weights");
        List<FieldProblem> problems = new ArrayList<>();
        Map<SelectionCriterion, Integer> parsed = new LinkedHashMap<>();
        if (changes == null || changes.isEmpty()) {
            problems.add(new FieldProblem("weights", "name at least one criterion and its weight"));
        } else {
            changes.forEach((key, weight) -> {
                SelectionCriterion c = SelectionCriterion.fromKey(key);
                if (c == null) {
                    problems.add(new FieldProblem(key, "unknown criterion; use one of "
                            + String.join(", ", java.util.Arrays.stream(SelectionCriterion.values()).map(SelectionCriterion::key).toList())));
                } else if (weight == null || weight < 0 || weight > SelectionCriterion.MAX_WEIGHT) {
                    problems.add(new FieldProblem(key, "a weight is a whole number from 0 to " + SelectionCriterion.MAX_WEIGHT));
                } else {
                    parsed.put(c, weight);
                }
            });
        }
        Map<SelectionCriterion, Integer> before = weights();
        Map<SelectionCriterion, Integer> after = new EnumMap<>(before);
        after.putAll(parsed);
        if (problems.isEmpty() && after.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            problems.add(new FieldProblem("weights", "at least one criterion needs a weight above 0"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.from(Instant.now());
        String actor = Actor.current().username();
        parsed.forEach((c, w) -> {
            int n = jdbc.sql("update selection_weights set weight = ?, updated_by = ?, updated_at = ? where criterion = ?")
                    .params(w, actor, now, c.key()).update();
            if (n == 0) {
                jdbc.sql("insert into selection_weights (criterion, weight, updated_by, updated_at) values (?, ?, ?, ?)")
                        .params(c.key(), w, actor, now).update();
            }
        });
        audit.record("update", "selection-weights", "weights", keyed(before), keyed(after));
        return after;
    }

    private static Map<String, Integer> keyed(Map<SelectionCriterion, Integer> weights) {
        Map<String, Integer> out = new LinkedHashMap<>();
        weights.forEach((c, w) -> out.put(c.key(), w));
        return out;
    }

    public SelectionScore score(Engagement e) {
        return score(e, weights());
    }

    SelectionScore score(Engagement e, Map<SelectionCriterion, Integer> weights) {
        List<ReadinessLevel> levels = e.services().stream().map(services::find).flatMap(Optional::stream)
                .map(Service::readinessLevel).toList();
        return score(e.intake(), levels, weights, LocalDate.now(clock));
    }

    /** The score itself, free of storage, so that it can be tested and explained on its own. */
    public static SelectionScore score(Engagement.Intake intake, List<ReadinessLevel> levels,
                                       Map<SelectionCriterion, Integer> weights, LocalDate today) {
        int sum = weights.values().stream().mapToInt(Integer::intValue).sum();
        List<SelectionScore.Part> parts = new ArrayList<>();
        double total = 0;
        for (SelectionCriterion c : SelectionCriterion.values()) {
            int w = weights.getOrDefault(c, 0);
            SelectionCriterion.Valued v = c.value(intake, levels, today);
            double points = sum == 0 ? 0 : 100.0 * w * v.value() / sum;
            total += points;
            parts.add(new SelectionScore.Part(c.key(), c.label(), w, v.value(), points, v.reason()));
        }
        return new SelectionScore(total, parts);
    }

    /** The proposals, best score first; on a tie the older proposal goes first. */
    public List<Candidate> ranking() {
        Map<SelectionCriterion, Integer> weights = weights();
        List<Engagement> proposed = engagements.inStates(Set.of(EngagementState.PROPOSED));
        record Scored(Engagement e, SelectionScore s) {
        }
        List<Scored> scored = new ArrayList<>(proposed.stream().map(e -> new Scored(e, score(e, weights))).toList());
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.s().total())
                .thenComparing(s -> s.e().createdAt()).thenComparingLong(s -> s.e().id()));
        List<Candidate> out = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            out.add(new Candidate(i + 1, scored.get(i).e(), scored.get(i).s()));
        }
        return out;
    }
}
