package dev.tandem.engagement.web;

import dev.tandem.engagement.CriterionStatus;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementAccess;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.ExitCriteria;
import dev.tandem.engagement.ExitCriterion;
import dev.tandem.engagement.ExitReadiness;
import dev.tandem.engagement.ManualInput;
import dev.tandem.engagement.ManualRecord;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An engagement's exit criteria: readiness banner, statuses with their trend, the manual criteria's form. */
@Controller
class CriteriaPages {

    static final int STRIP_DAYS = 14;

    private final Engagements engagements;
    private final ExitCriteria criteria;
    private final EngagementAccess access;

    CriteriaPages(Engagements engagements, ExitCriteria criteria, EngagementAccess access) {
        this.engagements = engagements;
        this.criteria = criteria;
        this.access = access;
    }

    /** A row of the criteria table. */
    record Row(CriterionStatus status, String strip, String trendText, boolean manual, ManualRecord lastRecord) {
    }

    @GetMapping("/engagements/{id}/criteria")
    String show(@PathVariable long id, Model model) {
        Engagement e = engagements.get(id);
        ExitReadiness readiness = criteria.readiness(id);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Row> rows = new ArrayList<>();
        for (CriterionStatus s : readiness.criteria()) {
            boolean manual = ExitCriterion.Manual.KIND.equals(s.kind());
            ManualRecord last = manual ? criteria.lastRecord(id, s.key()).orElse(null) : null;
            rows.add(new Row(s, EngagementCharts.strip(s.description(), s.trend(), today, STRIP_DAYS),
                    EngagementCharts.summary(s.trend(), today, STRIP_DAYS), manual, last));
        }
        model.addAttribute("engagement", e);
        model.addAttribute("readiness", readiness);
        model.addAttribute("rows", rows);
        model.addAttribute("stripDays", STRIP_DAYS);
        model.addAttribute("canEdit", access.canEdit(e) && !e.state().terminal());
        model.addAttribute("evaluable", e.state().committed());
        if (!model.containsAttribute("manualErrors")) {
            model.addAttribute("manualErrors", Map.of());
            model.addAttribute("manualKey", null);
        }
        return "engagement/criteria";
    }

    @PostMapping("/engagements/{id}/criteria/evaluate")
    String evaluate(@PathVariable long id, RedirectAttributes redirect) {
        ExitReadiness r = criteria.evaluateNow(id);
        redirect.addFlashAttribute("notice", "Evaluated just now. " + r.summary());
        return "redirect:/engagements/" + id + "/criteria";
    }

    @PostMapping("/engagements/{id}/criteria/{key}/manual")
    String manual(@PathVariable long id, @PathVariable String key, @RequestParam(required = false) String met,
                  @RequestParam(required = false) String evidence, @RequestParam(required = false) String url,
                  Model model, RedirectAttributes redirect) {
        Boolean isMet = met == null || met.isBlank() ? null : Boolean.valueOf("true".equals(met));
        try {
            ManualRecord r = criteria.recordManual(id, key, new ManualInput(isMet, evidence, url));
            redirect.addFlashAttribute("notice", "Recorded '" + key + "' as " + (r.met() ? "met" : "not met") + ".");
            return "redirect:/engagements/" + id + "/criteria#manual-" + key;
        } catch (InvalidInputException ex) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : ex.problems()) {
                errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b);
            }
            model.addAttribute("manualErrors", errors);
            model.addAttribute("manualKey", key);
            model.addAttribute("manualMet", met);
            model.addAttribute("manualEvidence", evidence);
            model.addAttribute("manualUrl", url);
            return show(id, model);
        }
    }
}
