package dev.tandem.slo.web;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.catalog.Services;
import dev.tandem.shared.InvalidDocumentException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.slo.BudgetPolicy;
import dev.tandem.slo.Reports;
import dev.tandem.slo.Slo;
import dev.tandem.slo.SloMonitor;
import dev.tandem.slo.SloQuery;
import dev.tandem.slo.SloReport;
import dev.tandem.slo.Slos;
import dev.tandem.web.FormErrors;
import dev.tandem.web.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The SLO list (with the import form), an SLO's page with its charts and its budget-policy form, and a
 * service's SLOs.
 */
@Controller
class SloPages {

    static final int CHART_POINTS = 60;

    private final Slos slos;
    private final SloMonitor monitor;
    private final Services services;
    private final AccessPolicy policy;

    SloPages(Slos slos, SloMonitor monitor, Services services, AccessPolicy policy) {
        this.slos = slos;
        this.monitor = monitor;
        this.services = services;
        this.policy = policy;
    }

    @GetMapping("/slos")
    String list(@RequestParam(required = false) String service, @RequestParam(required = false) String team,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, Model model) {
        model.addAttribute("page", slos.list(new SloQuery(service, team), PageRequest.of(page, size, sort)));
        model.addAttribute("service", service);
        model.addAttribute("team", team);
        model.addAttribute("sort", sort == null || sort.isBlank() ? "remaining" : sort);
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", "");
        }
        return "slo/list";
    }

    @PostMapping("/slos/import")
    String importSlos(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String yaml,
                      @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        Viewer.requireEditor();
        boolean uploaded = file != null && !file.isEmpty();
        String text = uploaded ? new String(file.getBytes(), StandardCharsets.UTF_8) : yaml == null ? "" : yaml;
        model.addAttribute("yaml", uploaded ? "" : text);
        model.addAttribute("dryRun", dryRun);
        if (text.isBlank()) {
            model.addAttribute("missing", true);
        } else {
            try {
                model.addAttribute("result", slos.importDocument(text, dryRun));
            } catch (InvalidDocumentException e) {
                model.addAttribute("problems", e.problems());
            }
        }
        return list(null, null, null, null, null, model);
    }

    @GetMapping("/slos/{name}")
    String show(@PathVariable String name, Model model) {
        Slo slo = slos.get(name);
        SloReport report = monitor.status(name);
        List<Reports.HistoryPoint> history = report.stale() || report.queryRejected() ? List.of() : monitor.history(slo, Instant.now(), CHART_POINTS);
        model.addAttribute("slo", slo);
        model.addAttribute("report", report);
        model.addAttribute("burnDown", history.isEmpty() ? null : SloCharts.burnDown(slo.label(), history,
                report.policy().atRiskBelow(), report.policy().exhaustedAtOrBelow()));
        model.addAttribute("sliChart", history.isEmpty() ? null : SloCharts.sli(slo.label(), history, slo.target()));
        model.addAttribute("canChange", policy.canChangeTeam(slo.ownerTeam()));
        BudgetPolicy effective = monitor.effectivePolicy(slo);
        model.addAttribute("budgetPolicy", effective);
        model.addAttribute("ownPolicy", slo.policy() != null);
        model.addAttribute("atRiskPercent", PolicyForm.percent(effective.atRiskBelow()));
        model.addAttribute("exhaustedPercent", PolicyForm.percent(effective.exhaustedAtOrBelow()));
        if (!model.containsAttribute("policyForm")) {
            model.addAttribute("policyForm", PolicyForm.of(effective, slo.version()));
        }
        return "slo/show";
    }

    /**
     * Sets the SLO's own budget policy. The same people may do it as through the API (the owning team,
     * SREs, admins); a bad entry or a lost race brings the form back with the values as typed.
     */
    @PostMapping("/slos/{name}/policy")
    String setPolicy(@PathVariable String name, @ModelAttribute("policyForm") PolicyForm form, BindingResult result,
                     Model model, RedirectAttributes redirect) {
        Slo slo = slos.get(name);
        policy.requireChangeTeam(slo.ownerTeam());
        BudgetPolicy parsed = form.toPolicy(result);
        if (parsed != null) {
            try {
                slos.setPolicy(name, parsed, form.version() == null ? -1 : form.version(), false);
                redirect.addFlashAttribute("notice", "The budget policy of SLO '" + name + "' was saved.");
                return "redirect:/slos/" + path(name);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (StaleVersionException e) {
                PolicyForm again = form.withVersion(e.current());
                BindingResult fresh = new BeanPropertyBindingResult(again, "policyForm");
                fresh.reject("stale", "Someone else changed this SLO while you edited its policy (you started from version "
                        + e.expected() + "; it is now version " + e.current() + "). Your values are still below: check the "
                        + "policy in effect above, then save again to replace it.");
                model.addAttribute("policyForm", again);
                model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "policyForm", fresh);
            }
        }
        return show(name, model);
    }

    /** Removes the SLO's own policy: its readiness level's (or the global) default applies again. */
    @PostMapping("/slos/{name}/policy/reset")
    String resetPolicy(@PathVariable String name, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            slos.setPolicy(name, null, version == null ? -1 : version, false);
            redirect.addFlashAttribute("notice", "The budget policy of SLO '" + name + "' was reset: the default applies again.");
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("error", "Nothing was reset: someone else changed this SLO meanwhile (you started from version "
                    + e.expected() + "; it is now version " + e.current() + "). Check the policy below and reset again if you still want to.");
        }
        return "redirect:/slos/" + path(name);
    }

    private static String path(String name) {
        return UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }

    @PostMapping("/slos/{name}/delete")
    String delete(@PathVariable String name, @RequestParam int version, RedirectAttributes redirect) {
        try {
            slos.delete(name, version, false);
            redirect.addFlashAttribute("notice", "SLO '" + name + "' was deleted.");
            return "redirect:/slos";
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/slos/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
        }
    }

    @GetMapping("/services/{name}/slos")
    String forService(@PathVariable String name, Model model) {
        model.addAttribute("service", services.get(name));
        model.addAttribute("slos", slos.forService(name));
        return "slo/service";
    }
}
