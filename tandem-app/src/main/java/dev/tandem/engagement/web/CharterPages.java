package dev.tandem.engagement.web;

import dev.tandem.catalog.Teams;
import dev.tandem.engagement.AfterActionReports;
import dev.tandem.engagement.Charter;
import dev.tandem.engagement.CharterDraft;
import dev.tandem.engagement.Charters;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementAccess;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.ExitCriterion;
import dev.tandem.engagement.Journal;
import dev.tandem.engagement.JournalEntry;
import dev.tandem.engagement.MaturityArea;
import dev.tandem.readiness.Scorecards;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.slo.Slos;
import dev.tandem.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tandem.engagement.web.EngagementPages.act;

/** An engagement's charter (with its exit criteria and versions), journal and after-action report. */
@Controller
class CharterPages {

    private final Engagements engagements;
    private final Charters charters;
    private final Journal journal;
    private final AfterActionReports reports;
    private final EngagementAccess access;
    private final Scorecards scorecards;
    private final Slos slos;
    private final Teams teams;

    CharterPages(Engagements engagements, Charters charters, Journal journal, AfterActionReports reports,
                 EngagementAccess access, Scorecards scorecards, Slos slos, Teams teams) {
        this.engagements = engagements;
        this.charters = charters;
        this.journal = journal;
        this.reports = reports;
        this.access = access;
        this.scorecards = scorecards;
        this.slos = slos;
        this.teams = teams;
    }

    @GetMapping("/engagements/{id}/charter")
    String charter(@PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
        Engagement e = engagements.get(id);
        Charter current = charters.current(id).orElse(null);
        Charter shown = version == null ? current : charters.version(id, version);
        return charterPage(e, current, shown, CharterForm.of(current), model);
    }

    private String charterPage(Engagement e, Charter current, Charter shown, CharterForm form, Model model) {
        model.addAttribute("engagement", e);
        model.addAttribute("charter", shown);
        model.addAttribute("current", current);
        model.addAttribute("versions", charters.versions(e.id()));
        model.addAttribute("canEdit", access.canEdit(e) && !e.state().terminal());
        model.addAttribute("kinds", ExitCriterion.kinds());
        model.addAttribute("areas", MaturityArea.values());
        model.addAttribute("scorecards", scorecards.all());
        model.addAttribute("slos", e.services().stream().flatMap(s -> slos.forService(s).stream()).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        return "engagement/charter";
    }

    @PostMapping("/engagements/{id}/charter")
    String saveCharter(@PathVariable long id, @ModelAttribute("form") CharterForm form, BindingResult result, Model model,
                       RedirectAttributes redirect) {
        Engagement e = engagements.get(id);
        Charter current = charters.current(id).orElse(null);
        if (!result.hasErrors()) {
            try {
                Charter saved = charters.save(id, form.toDraft(CharterForm.maps(current)));
                redirect.addFlashAttribute("notice", "Charter version " + saved.version() + " was saved"
                        + (saved.afterStart() ? "; it is marked as changed after the start." : "."));
                return "redirect:/engagements/" + id + "/charter";
            } catch (InvalidInputException ex) {
                FormErrors.reject(result, ex);
            } catch (StaleVersionException ex) {
                result.reject("stale", "Someone saved the charter while you edited it (you started from version "
                        + ex.expected() + "; it is now version " + ex.current() + "). Nothing was saved; your text is "
                        + "below. Check the newest version, then save again.");
            }
        }
        model.addAttribute("form", form);
        return charterPage(e, current, current, form, model);
    }

    @PostMapping("/engagements/{id}/charter/criteria")
    String addCriterion(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Charter current = charters.current(id).orElse(null);
        Map<String, Object> criterion = new LinkedHashMap<>();
        for (String field : List.of("kind", "key", "service", "scorecard", "level", "slo", "days", "area", "score", "title")) {
            String v = params.get(field);
            if (v != null && !v.isBlank()) {
                criterion.put(field, v.trim());
            }
        }
        List<Map<String, Object>> all = new ArrayList<>(CharterForm.maps(current));
        all.add(criterion);
        return saveCriteria(id, current, all, version(params), "The exit criterion was added.", redirect);
    }

    @PostMapping("/engagements/{id}/charter/criteria/{key}/remove")
    String removeCriterion(@PathVariable long id, @PathVariable String key, @RequestParam(required = false) Integer version,
                           RedirectAttributes redirect) {
        Charter current = charters.current(id).orElse(null);
        List<Map<String, Object>> rest = CharterForm.maps(current).stream().filter(m -> !key.equals(m.get("key"))).toList();
        return saveCriteria(id, current, rest, version, "The exit criterion was removed.", redirect);
    }

    private String saveCriteria(long id, Charter current, List<Map<String, Object>> criteria, Integer version, String done,
                                RedirectAttributes redirect) {
        CharterForm base = CharterForm.of(current);
        CharterDraft draft = new CharterForm(base.background(), base.goal(), base.customerValue(), base.commandersIntent(),
                base.inScope(), base.outOfScope(), base.syncCadence(), base.feedbackCadence(), base.contacts(),
                base.holdDays(), version).toDraft(criteria);
        act(id, redirect, () -> {
            charters.save(id, draft);
            return done;
        });
        return "redirect:/engagements/" + id + "/charter#criteria";
    }

    private static Integer version(Map<String, String> params) {
        try {
            return params.get("version") == null ? null : Integer.valueOf(params.get("version"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/engagements/{id}/journal")
    String journal(@PathVariable long id, Model model) {
        Engagement e = engagements.get(id);
        model.addAttribute("engagement", e);
        model.addAttribute("entries", journal.entries(id));
        model.addAttribute("canEdit", access.canEdit(e));
        model.addAttribute("kinds", JournalEntry.Kind.values());
        model.addAttribute("members", teams.get(e.team()).members());
        model.addAttribute("today", LocalDate.now(java.time.ZoneOffset.UTC));
        return "engagement/journal";
    }

    @PostMapping("/engagements/{id}/journal")
    String addEntry(@PathVariable long id, @RequestParam(required = false) String date, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                    @RequestParam(required = false) String url, @RequestParam(required = false) String assignee,
                    RedirectAttributes redirect) {
        act(id, redirect, () -> {
            journal.add(id, new JournalEntry.Draft(date(date), kind, title, body, url, assignee, false, null));
            return "The entry was added to the journal.";
        });
        return "redirect:/engagements/" + id + "/journal";
    }

    @PostMapping("/engagements/{id}/journal/{entryId}/done")
    String markDone(@PathVariable long id, @PathVariable long entryId, @RequestParam boolean done,
                    @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        act(id, redirect, () -> {
            JournalEntry x = journal.get(id, entryId);
            journal.update(id, entryId, new JournalEntry.Draft(x.date(), x.kind().name(), x.title(), x.body(), x.url(),
                    x.assignee(), done, version));
            return done ? "Marked as done." : "Marked as not done.";
        });
        return "redirect:/engagements/" + id + "/journal";
    }

    @PostMapping("/engagements/{id}/journal/{entryId}/delete")
    String deleteEntry(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) Integer version,
                       RedirectAttributes redirect) {
        act(id, redirect, () -> {
            journal.delete(id, entryId, version);
            return "The entry was deleted.";
        });
        return "redirect:/engagements/" + id + "/journal";
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "a date like 2027-03-31");
        }
    }

    @GetMapping("/engagements/{id}/report")
    String report(@PathVariable long id, Model model) {
        Engagement e = engagements.get(id);
        model.addAttribute("engagement", e);
        model.addAttribute("report", reports.find(id).orElse(null));
        model.addAttribute("canEdit", access.canEdit(e));
        return "engagement/report";
    }

    @PostMapping("/engagements/{id}/report")
    String saveReport(@PathVariable long id, @RequestParam(required = false) String body,
                      @RequestParam(required = false) Integer version, @RequestParam(required = false) String redraft,
                      RedirectAttributes redirect) {
        act(id, redirect, () -> {
            if (redraft != null) {
                reports.redraft(id, version);
                return "The report was redrafted from the current data.";
            }
            reports.save(id, body, version);
            return "The after-action report was saved.";
        });
        return "redirect:/engagements/" + id + "/report";
    }

}
