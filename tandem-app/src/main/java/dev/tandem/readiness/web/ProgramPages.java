package dev.tandem.readiness.web;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.readiness.Checklist;
import dev.tandem.readiness.Phase;
import dev.tandem.readiness.ChecklistImport;
import dev.tandem.readiness.Checklists;
import dev.tandem.readiness.ReadinessChecks;
import dev.tandem.readiness.Scorecard;
import dev.tandem.readiness.ScorecardRollup;
import dev.tandem.readiness.ScorecardRun;
import dev.tandem.readiness.Scorecards;
import dev.tandem.accounts.AccessPolicy;
import dev.tandem.shared.DocumentProblem;
import dev.tandem.shared.InvalidDocumentException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The program-wide readiness pages: checklists, scorecards with roll-ups and history, and the checks. */
@Controller
class ProgramPages {

    private final Checklists checklists;
    private final Scorecards scorecards;
    private final ReadinessChecks checks;
    private final AccessPolicy policy;

    ProgramPages(Checklists checklists, Scorecards scorecards, ReadinessChecks checks, AccessPolicy policy) {
        this.checklists = checklists;
        this.scorecards = scorecards;
        this.checks = checks;
        this.policy = policy;
    }

    @GetMapping("/readiness")
    String overview(Model model) {
        List<Scorecard> cards = scorecards.all();
        Map<String, ScorecardRollup> rollups = new LinkedHashMap<>();
        for (Scorecard card : cards) {
            rollups.put(card.name(), scorecards.rollup(card.name()));
        }
        model.addAttribute("checklists", checklists.latestVersions());
        model.addAttribute("scorecards", cards);
        model.addAttribute("rollups", rollups);
        model.addAttribute("checks", checks.all());
        model.addAttribute("levels", ReadinessLevel.values());
        return "readiness/overview";
    }

    @GetMapping("/readiness/checklists/{name}")
    String checklist(@PathVariable String name, @RequestParam(required = false) Integer version, Model model) {
        Checklist checklist = version == null
                ? checklists.latest(name).orElseThrow(() -> new NotFoundException("checklist", name))
                : checklists.get(name, version);
        model.addAttribute("checklist", checklist);
        model.addAttribute("versions", checklists.versions(name));
        model.addAttribute("levels", ReadinessLevel.values());
        model.addAttribute("phases", Phase.values());
        return "readiness/checklist";
    }

    @PostMapping("/readiness/checklists/import")
    String importChecklist(@RequestParam(required = false) String yaml, @RequestParam(required = false) MultipartFile file,
                           RedirectAttributes redirect) {
        policy.requireAdmin();
        String text = text(yaml, file);
        try {
            ChecklistImport result = checklists.importDocument(text, false);
            redirect.addFlashAttribute("notice", result.created()
                    ? "Checklist '" + result.name() + "' version " + result.version() + " was stored (" + result.items() + " items)."
                    : "Checklist '" + result.name() + "' is unchanged (version " + result.version() + ").");
            return "redirect:/readiness/checklists/" + result.name();
        } catch (InvalidDocumentException e) {
            redirect.addFlashAttribute("error", "Nothing was imported.");
            redirect.addFlashAttribute("problems", describe(e.problems()));
            redirect.addFlashAttribute("checklistYaml", text);
            return "redirect:/readiness#import";
        }
    }

    @PostMapping("/readiness/scorecards/import")
    String importScorecard(@RequestParam(required = false) String yaml, @RequestParam(required = false) MultipartFile file,
                           @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        policy.requireAdmin();
        String text = text(yaml, file);
        try {
            Scorecard card = scorecards.importDocument(text, version, false);
            redirect.addFlashAttribute("notice", "Scorecard '" + card.name() + "' was saved and evaluated.");
            return "redirect:/scorecards/" + card.name();
        } catch (InvalidDocumentException e) {
            redirect.addFlashAttribute("error", "Nothing was saved.");
            redirect.addFlashAttribute("problems", describe(e.problems()));
            redirect.addFlashAttribute("scorecardYaml", text);
            return "redirect:/readiness#import";
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("scorecardYaml", text);
            return "redirect:/readiness#import";
        }
    }

    @GetMapping("/scorecards/{name}")
    String scorecard(@PathVariable String name, @RequestParam(defaultValue = "90") int days, Model model) {
        Scorecard card = scorecards.get(name);
        model.addAttribute("card", card);
        model.addAttribute("rollup", scorecards.rollup(name));
        model.addAttribute("chart", ScorecardChart.svg(card, scorecards.history(name, Math.min(Math.max(days, 7), 730))));
        model.addAttribute("document", scorecards.document(name));
        return "readiness/scorecard";
    }

    @PostMapping("/scorecards/{name}/delete")
    String delete(@PathVariable String name, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        scorecards.delete(name, version);
        redirect.addFlashAttribute("notice", "Scorecard '" + name + "' was deleted.");
        return "redirect:/readiness";
    }

    @PostMapping("/readiness/scorecards/evaluate")
    String evaluate(RedirectAttributes redirect) {
        policy.requireAdmin();
        ScorecardRun run = scorecards.evaluateAll();
        redirect.addFlashAttribute("notice", "Evaluated " + run.scorecards() + " scorecard(s) for " + run.services()
                + " services in " + run.millis() + " ms.");
        return "redirect:/readiness";
    }

    private static String text(String yaml, MultipartFile file) {
        if (file != null && !file.isEmpty()) {
            try {
                return new String(file.getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("the upload could not be read", e);
            }
        }
        return yaml == null ? "" : yaml;
    }

    static List<String> describe(List<DocumentProblem> problems) {
        List<String> out = new ArrayList<>();
        for (DocumentProblem p : problems) {
            out.add((p.line() == null ? "" : "line " + p.line() + ": ") + (p.path() == null || p.path().isEmpty() ? "" : p.path() + ": ")
                    + p.message());
        }
        return out;
    }
}
