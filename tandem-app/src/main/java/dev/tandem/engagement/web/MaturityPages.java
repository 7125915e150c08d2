package dev.tandem.engagement.web;

import dev.tandem.engagement.Assessment;
import dev.tandem.engagement.AssessmentDraft;
import dev.tandem.engagement.Assessments;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.MaturityArea;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An engagement's maturity matrix, assessments and before/after chart; the program-wide view. */
@Controller
class MaturityPages {

    private final Engagements engagements;
    private final Assessments assessments;

    MaturityPages(Engagements engagements, Assessments assessments) {
        this.engagements = engagements;
        this.assessments = assessments;
    }

    /** The matrix form: scores and notes by area key, as text so a refused form comes back as typed. */
    record MatrixForm(Long id, String kind, String date, String assessor, Map<String, String> scores,
                      Map<String, String> notes, Integer version) {
    }

    @GetMapping("/engagements/{id}/maturity")
    String show(@PathVariable long id, @RequestParam(required = false) Long edit, Model model) {
        Engagement e = engagements.get(id);
        List<Assessment> all = assessments.list(id);
        Optional<Assessment> first = assessments.first(id);
        Optional<Assessment> latest = assessments.latest(id);
        model.addAttribute("engagement", e);
        model.addAttribute("assessments", all);
        model.addAttribute("areas", MaturityArea.values());
        model.addAttribute("first", first.orElse(null));
        model.addAttribute("latest", latest.filter(l -> first.isPresent() && l.id() != first.get().id()).orElse(null));
        model.addAttribute("chart", first.map(f -> EngagementCharts.beforeAfter(f, latest.orElse(null))).orElse(null));
        model.addAttribute("canEdit", assessments.canEdit(e));
        if (!model.containsAttribute("form")) {
            MatrixForm form = edit == null ? blank(all) : of(assessments.get(id, edit));
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of());
        }
        return "engagement/maturity";
    }

    @PostMapping("/engagements/{id}/maturity")
    String create(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        return save(id, null, params, model, redirect);
    }

    @PostMapping("/engagements/{id}/maturity/{assessment}")
    String update(@PathVariable long id, @PathVariable long assessment, @RequestParam Map<String, String> params,
                  Model model, RedirectAttributes redirect) {
        return save(id, assessment, params, model, redirect);
    }

    private String save(long id, Long assessmentId, Map<String, String> params, Model model, RedirectAttributes redirect) {
        MatrixForm form = form(assessmentId, params);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        if (form.date() != null && !form.date().isBlank()) {
            try {
                date = LocalDate.parse(form.date().trim());
            } catch (DateTimeParseException ex) {
                errors.put("date", "a date such as 2026-11-02");
            }
        }
        List<AssessmentDraft.Score> scores = new ArrayList<>();
        for (MaturityArea area : MaturityArea.values()) {
            String raw = form.scores().get(area.key());
            Integer score = null;
            if (raw != null && !raw.isBlank()) {
                try {
                    score = Integer.valueOf(raw.trim());
                } catch (NumberFormatException ex) {
                    score = -1;
                }
            }
            scores.add(new AssessmentDraft.Score(area.key(), score, form.notes().get(area.key())));
        }
        if (errors.isEmpty()) {
            AssessmentDraft draft = new AssessmentDraft(form.kind(), date, form.assessor(), scores, form.version());
            try {
                Assessment a = assessmentId == null ? assessments.create(id, draft) : assessments.update(id, assessmentId, draft);
                redirect.addFlashAttribute("notice", "Saved the " + a.kind().label() + " assessment of " + a.date()
                        + " (average " + String.format(java.util.Locale.ROOT, "%.2f", a.average()) + ").");
                return "redirect:/engagements/" + id + "/maturity";
            } catch (InvalidInputException ex) {
                for (FieldProblem p : ex.problems()) {
                    errors.merge(p.field(), p.message(), (x, y) -> x + "; " + y);
                }
            } catch (StaleVersionException ex) {
                errors.put("form", ex.getMessage() + " Reload the page to see the current assessment.");
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return show(id, null, model);
    }

    @GetMapping("/maturity")
    String program(Model model) {
        model.addAttribute("program", assessments.program());
        return "engagement/maturity-program";
    }

    private static MatrixForm form(Long id, Map<String, String> params) {
        Map<String, String> scores = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (MaturityArea area : MaturityArea.values()) {
            scores.put(area.key(), params.get("score-" + area.key()));
            notes.put(area.key(), params.get("note-" + area.key()));
        }
        Integer version = null;
        try {
            version = params.get("version") == null || params.get("version").isBlank() ? null : Integer.valueOf(params.get("version"));
        } catch (NumberFormatException ignored) {
            // a missing version is refused by the domain with its own message
        }
        return new MatrixForm(id, params.get("kind"), params.get("date"), params.get("assessor"), scores, notes, version);
    }

    private static MatrixForm blank(List<Assessment> existing) {
        boolean hasStart = existing.stream().anyMatch(a -> a.kind() == dev.tandem.engagement.AssessmentKind.START);
        Map<String, String> scores = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (MaturityArea area : MaturityArea.values()) {
            scores.put(area.key(), null);
            notes.put(area.key(), null);
        }
        return new MatrixForm(null, hasStart ? "CHECKPOINT" : "START", LocalDate.now(ZoneOffset.UTC).toString(), null,
                scores, notes, null);
    }

    private static MatrixForm of(Assessment a) {
        Map<String, String> scores = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Assessment.AreaScore s : a.scores()) {
            scores.put(s.area(), String.valueOf(s.score()));
            notes.put(s.area(), s.note());
        }
        return new MatrixForm(a.id(), a.kind().name(), a.date().toString(), a.assessor(), scores, notes, a.version());
    }
}
