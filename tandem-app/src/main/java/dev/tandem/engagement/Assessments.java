package dev.tandem.engagement;

import dev.tandem.audit.AuditLog;
import dev.tandem.engagement.internal.AssessmentRows;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maturity assessments of engagements: every area scored 1-5 with a note, at the start, at the end and
 * at checkpoints between (one START and one END at most). The embedded SREs, the team and managers create
 * and edit them. {@link #first(long)} and {@link #latest(long)} are the before and after of an
 * engagement: the START (or else the earliest) and the END (or else the newest).
 */
@Component
public class Assessments {

    static final String TYPE = "maturity-assessment";
    static final int MAX_NOTE = 2000;

    private final AssessmentRows rows;
    private final Engagements engagements;
    private final EngagementAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Assessments(AssessmentRows rows, Engagements engagements, EngagementAccess access, AuditLog audit,
                ApplicationEventPublisher events) {
        this.rows = rows;
        this.engagements = engagements;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    /** An engagement's assessments, in date order (then in the order they were made). */
    public List<Assessment> list(long engagementId) {
        return rows.forEngagement(engagementId);
    }

    public Assessment get(long engagementId, long id) {
        Assessment a = rows.find(id).orElseThrow(() -> new NotFoundException("assessment", String.valueOf(id)));
        if (a.engagementId() != engagementId) {
            throw new NotFoundException("assessment", engagementId + "/" + id);
        }
        return a;
    }

    /** The "before": the START assessment, else the earliest. */
    public Optional<Assessment> first(long engagementId) {
        List<Assessment> all = list(engagementId);
        return all.stream().filter(a -> a.kind() == AssessmentKind.START).findFirst().or(() -> all.stream().findFirst());
    }

    /** The "after" and the newest state: the END assessment, else the latest. */
    public Optional<Assessment> latest(long engagementId) {
        List<Assessment> all = list(engagementId);
        return all.stream().filter(a -> a.kind() == AssessmentKind.END).findFirst()
                .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
    }

    /** Latest minus first average, when the engagement has two different assessments. */
    public Optional<Double> delta(long engagementId) {
        Optional<Assessment> first = first(engagementId);
        Optional<Assessment> latest = latest(engagementId);
        if (first.isEmpty() || latest.isEmpty() || first.get().id() == latest.get().id()) {
            return Optional.empty();
        }
        return Optional.of(latest.get().average() - first.get().average());
    }

    /** Across all engagements with assessments: per area, before and after; per engagement, its averages. */
    public MaturityProgram program() {
        Map<Long, List<Assessment>> byEngagement = rows.all();
        List<MaturityProgram.EngagementRow> list = new ArrayList<>();
        Map<MaturityArea, double[]> sums = new EnumMap<>(MaturityArea.class); // start, end, count
        for (Map.Entry<Long, List<Assessment>> entry : byEngagement.entrySet()) {
            List<Assessment> all = entry.getValue();
            Assessment first = all.stream().filter(a -> a.kind() == AssessmentKind.START).findFirst().orElse(all.get(0));
            Assessment last = all.stream().filter(a -> a.kind() == AssessmentKind.END).findFirst().orElse(all.get(all.size() - 1));
            boolean both = first.id() != last.id();
            Optional<Engagement> e = engagements.find(entry.getKey());
            list.add(new MaturityProgram.EngagementRow(entry.getKey(), e.map(Engagement::title).orElse("#" + entry.getKey()),
                    e.map(Engagement::team).orElse(null), e.map(x -> x.state().label()).orElse(null), all.size(),
                    first.average(), both ? last.average() : null, both ? last.average() - first.average() : null));
            if (both) {
                for (MaturityArea area : MaturityArea.values()) {
                    Optional<Integer> s = first.score(area);
                    Optional<Integer> t = last.score(area);
                    if (s.isPresent() && t.isPresent()) {
                        double[] acc = sums.computeIfAbsent(area, k -> new double[3]);
                        acc[0] += s.get();
                        acc[1] += t.get();
                        acc[2]++;
                    }
                }
            }
        }
        List<MaturityProgram.AreaRow> areas = new ArrayList<>();
        for (MaturityArea area : MaturityArea.values()) {
            double[] acc = sums.get(area);
            if (acc == null) {
                areas.add(new MaturityProgram.AreaRow(area.key(), area.label(), null, null, null, 0));
            } else {
                double start = acc[0] / acc[2];
                double end = acc[1] / acc[2];
                areas.add(new MaturityProgram.AreaRow(area.key(), area.label(), start, end, end - start, (int) acc[2]));
            }
        }
        list.sort(Comparator.comparing(MaturityProgram.EngagementRow::engagementId).reversed());
        return new MaturityProgram(areas, list);
    }

    @Transactional
    public Assessment create(long engagementId, AssessmentDraft draft) {
        Engagement e = writable(engagementId);
        Checked c = check(engagementId, draft, null);
        Instant now = Instant.now();
        String actor = Actor.current().username();
        long id = rows.insert(engagementId, c.kind, c.date, c.assessor, c.scores, c.notes, actor, now);
        Assessment created = get(engagementId, id);
        audit.record("create", TYPE, Engagements.label(e) + " / " + c.kind.label() + " " + c.date,
                "maturity " + c.kind.label() + " assessment, average " + String.format(java.util.Locale.ROOT, "%.2f",
                        created.average()), null, created);
        events.publishEvent(new MaturityAssessed(engagementId, id, c.kind));
        return created;
    }

    @Transactional
    public Assessment update(long engagementId, long id, AssessmentDraft draft) {
        Engagement e = writable(engagementId);
        Assessment before = get(engagementId, id);
        if (draft.version() == null) {
            throw new InvalidInputException("version", "send the assessment's version you edited");
        }
        if (draft.version() != before.version()) {
            throw new StaleVersionException(TYPE, String.valueOf(id), draft.version(), before.version());
        }
        Checked c = check(engagementId, draft, before);
        int n = rows.update(id, before.version(), c.kind, c.date, c.assessor, c.scores, c.notes,
                Actor.current().username(), Instant.now());
        if (n == 0) {
            throw new StaleVersionException(TYPE, String.valueOf(id), before.version(), get(engagementId, id).version());
        }
        Assessment after = get(engagementId, id);
        audit.record("update", TYPE, Engagements.label(e) + " / " + c.kind.label() + " " + c.date, before, after);
        events.publishEvent(new MaturityAssessed(engagementId, id, c.kind));
        return after;
    }

    public boolean canEdit(Engagement e) {
        return access.canEdit(e) && !closed(e);
    }

    private static boolean closed(Engagement e) {
        return e.state() == EngagementState.DECLINED || e.state() == EngagementState.CANCELLED;
    }

    private Engagement writable(long engagementId) {
        Engagement e = engagements.get(engagementId);
        access.requireEdit(e, "assess its maturity");
        if (closed(e)) {
            throw new ConflictException("the engagement is " + e.state().label() + "; it is not assessed");
        }
        return e;
    }

    private record Checked(AssessmentKind kind, LocalDate date, String assessor, Map<MaturityArea, Integer> scores,
                           Map<MaturityArea, String> notes) {
    }

    private Checked check(long engagementId, AssessmentDraft d, Assessment editing) {
        List<FieldProblem> problems = new ArrayList<>();
        AssessmentKind kind = null;
        try {
            kind = AssessmentKind.parse("kind", d.kind());
        } catch (InvalidInputException ex) {
            problems.addAll(ex.problems());
        }
        if (kind == AssessmentKind.START || kind == AssessmentKind.END) {
            AssessmentKind k = kind;
            boolean taken = list(engagementId).stream()
                    .anyMatch(a -> a.kind() == k && (editing == null || a.id() != editing.id()));
            if (taken) {
                problems.add(new FieldProblem("kind", "the engagement already has a " + k.label()
                        + " assessment; edit it, or make this one a checkpoint"));
            }
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate date = d.date() == null ? today : d.date();
        if (date.isAfter(today.plusDays(1))) {
            problems.add(new FieldProblem("date", "an assessment cannot be dated in the future"));
        }
        String assessor = d.assessor() == null || d.assessor().isBlank() ? Actor.current().username() : d.assessor().trim();
        if (assessor.length() > 200) {
            problems.add(new FieldProblem("assessor", "at most 200 characters"));
        }
        Map<MaturityArea, Integer> scores = new EnumMap<>(MaturityArea.class);
        Map<MaturityArea, String> notes = new EnumMap<>(MaturityArea.class);
        List<AssessmentDraft.Score> given = d.areas() == null ? List.of() : d.areas();
        for (int i = 0; i < given.size(); i++) {
            AssessmentDraft.Score s = given.get(i);
            String path = "areas[" + i + "]";
            MaturityArea area = s == null ? null : MaturityArea.fromKey(s.area());
            if (area == null) {
                problems.add(new FieldProblem(path + ".area", "unknown area '" + (s == null ? null : s.area()) + "'"));
                continue;
            }
            if (scores.containsKey(area) || notes.containsKey(area)) {
                problems.add(new FieldProblem(path + ".area", area.label() + " is scored twice"));
                continue;
            }
            if (s.score() == null || s.score() < 1 || s.score() > 5) {
                problems.add(new FieldProblem("areas." + area.key(), area.label() + ": a score from 1 to 5"));
            } else {
                scores.put(area, s.score());
            }
            String note = s.note() == null || s.note().isBlank() ? null : s.note().trim();
            if (note != null && note.length() > MAX_NOTE) {
                problems.add(new FieldProblem("areas." + area.key(), area.label() + ": a note of at most " + MAX_NOTE + " characters"));
            }
            notes.put(area, note);
        }
        for (MaturityArea area : MaturityArea.values()) {
            if (!notes.containsKey(area)) {
                problems.add(new FieldProblem("areas." + area.key(), area.label() + ": a score from 1 to 5"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(kind, date, assessor, scores, notes);
    }
}
