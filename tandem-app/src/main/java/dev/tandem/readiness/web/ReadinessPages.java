package dev.tandem.readiness.web;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.catalog.Services;
import dev.tandem.readiness.Checklist;
import dev.tandem.readiness.Checklists;
import dev.tandem.readiness.Exemptions;
import dev.tandem.readiness.FactRefresh;
import dev.tandem.readiness.Facts;
import dev.tandem.readiness.ItemUpdate;
import dev.tandem.readiness.Readiness;
import dev.tandem.readiness.ReviewState;
import dev.tandem.readiness.Reviews;
import dev.tandem.readiness.ServiceReadiness;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.web.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/** A service's readiness page, its workflow buttons, item answers, exemptions and the printable report. */
@Controller
class ReadinessPages {

    private final Readiness readiness;
    private final Reviews reviews;
    private final Services services;
    private final Facts facts;
    private final FactRefresh refresh;
    private final Exemptions exemptions;
    private final Checklists checklists;
    private final AccessPolicy policy;

    ReadinessPages(Readiness readiness, Reviews reviews, Services services, Facts facts, FactRefresh refresh,
                   Exemptions exemptions, Checklists checklists, AccessPolicy policy) {
        this.readiness = readiness;
        this.reviews = reviews;
        this.services = services;
        this.facts = facts;
        this.refresh = refresh;
        this.exemptions = exemptions;
        this.checklists = checklists;
        this.policy = policy;
    }

    /** The answer form of one item, as typed: it comes back unchanged when the answer is refused. */
    record ItemForm(String state, String evidence, String links, String justification, Integer version) {

        ItemUpdate toUpdate() {
            List<String> list = links == null ? List.of()
                    : Arrays.stream(links.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new ItemUpdate(state, evidence, list, justification, version);
        }
    }

    @GetMapping("/services/{name}/readiness")
    String show(@PathVariable String name, Model model) {
        return page(readiness.of(name), model, null, null, null);
    }

    private String page(ServiceReadiness r, Model model, String failedItem, ItemForm failedForm, List<String> failedErrors) {
        model.addAttribute("r", r);
        Map<String, String> remedies = new HashMap<>();
        r.checks().forEach(v -> remedies.put(v.check().id(), v.check().remedy()));
        model.addAttribute("remedies", remedies);
        model.addAttribute("checklist", r.checklistName() == null ? null : checklists.get(r.checklistName(), r.checklistVersion()));
        model.addAttribute("history", r.review() == null ? List.of() : reviews.history(r.review().id()));
        model.addAttribute("facts", facts.list(r.service()));
        boolean owner = policy.canChangeTeam(r.owner());
        Viewer viewer = Viewer.current();
        boolean reviewer = viewer != null && viewer.curator();
        ReviewState state = r.review() == null ? null : r.review().state();
        model.addAttribute("canAnswer", owner && state != null && state.editable());
        model.addAttribute("canStart", owner && (state == null || state == ReviewState.APPROVED));
        model.addAttribute("canSubmit", owner && state != null && state.editable());
        model.addAttribute("canWithdraw", owner && state == ReviewState.IN_REVIEW);
        model.addAttribute("canDecide", reviewer && state == ReviewState.IN_REVIEW
                && !viewer.username().equals(r.review().submittedBy()));
        model.addAttribute("ownSubmission", reviewer && state == ReviewState.IN_REVIEW
                && viewer.username().equals(r.review().submittedBy()));
        model.addAttribute("canRefresh", owner || reviewer);
        model.addAttribute("canExempt", reviewer);
        model.addAttribute("canComment", (owner || reviewer) && r.review() != null);
        model.addAttribute("failedItem", failedItem);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("failedErrors", failedErrors == null ? List.of() : failedErrors);
        model.addAttribute("defaultExpiry", LocalDate.now(ZoneOffset.UTC).plusDays(90));
        return "readiness/service";
    }

    @PostMapping("/services/{name}/readiness/start")
    String start(@PathVariable String name, RedirectAttributes redirect) {
        try {
            reviews.start(name, null);
            redirect.addFlashAttribute("notice", "A review was started. Answer the items, then submit it for review.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(name);
    }

    @PostMapping("/services/{name}/readiness/items/{itemId}")
    String answer(@PathVariable String name, @PathVariable String itemId, ItemForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            reviews.updateItem(name, itemId, form.toUpdate());
            redirect.addFlashAttribute("notice", "Item '" + itemId + "' was saved.");
            return back(name) + "#item-" + itemId;
        } catch (InvalidInputException e) {
            List<String> errors = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                errors.add(p.field() + ": " + p.message());
            }
            return page(readiness.of(name), model, itemId, form, errors);
        } catch (StaleVersionException e) {
            return page(readiness.of(name), model, itemId, form, List.of(
                    "Someone else answered this item meanwhile; the page now shows their answer. Your text is kept below."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return back(name);
        }
    }

    @PostMapping("/services/{name}/readiness/{action:submit|withdraw|approve|request-changes}")
    String decide(@PathVariable String name, @PathVariable String action, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        int v = version == null ? -1 : version;
        try {
            switch (action) {
                case "submit" -> reviews.submit(name, comment, v);
                case "withdraw" -> reviews.withdraw(name, comment, v);
                case "approve" -> reviews.approve(name, comment, v);
                default -> reviews.requestChanges(name, comment, v);
            }
            redirect.addFlashAttribute("notice", switch (action) {
                case "submit" -> "The review was submitted. A reviewer (an SRE or admin) decides next.";
                case "withdraw" -> "The review is a draft again.";
                case "approve" -> "The review was approved.";
                default -> "The review was sent back with your comment.";
            });
        } catch (ConflictException | InvalidInputException | StaleVersionException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(name);
    }

    @PostMapping("/services/{name}/readiness/comments")
    String comment(@PathVariable String name, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            reviews.comment(name, comment);
            redirect.addFlashAttribute("notice", "Your comment was added.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(name) + "#history";
    }

    @PostMapping("/services/{name}/readiness/refresh")
    String refresh(@PathVariable String name, RedirectAttributes redirect) {
        FactRefresh.Result result = refresh.refresh(name);
        int count = result.facts().values().stream().mapToInt(Integer::intValue).sum();
        redirect.addFlashAttribute("notice", "Collected " + count + " facts in " + result.millis() + " ms"
                + (result.errors().isEmpty() ? "." : "; failed: " + String.join(", ", result.errors().keySet()) + "."));
        return back(name) + "#checks";
    }

    @PostMapping("/services/{name}/readiness/exemptions")
    String exempt(@PathVariable String name, @RequestParam(required = false) String checkId,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) LocalDate until,
                  RedirectAttributes redirect) {
        try {
            exemptions.grant(name, checkId, reason, until == null ? null : until.atStartOfDay().toInstant(ZoneOffset.UTC));
            redirect.addFlashAttribute("notice", "The service is exempt from " + checkId + " until " + until + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(name) + "#checks";
    }

    @PostMapping("/services/{name}/readiness/exemptions/{checkId}/revoke")
    String revoke(@PathVariable String name, @PathVariable String checkId, RedirectAttributes redirect) {
        exemptions.revoke(name, checkId);
        redirect.addFlashAttribute("notice", "The exemption from " + checkId + " was revoked.");
        return back(name) + "#checks";
    }

    @GetMapping("/services/{name}/readiness/report")
    String report(@PathVariable String name, Model model) {
        ServiceReadiness r = readiness.of(name);
        Checklist checklist = r.checklistName() == null ? null : checklists.get(r.checklistName(), r.checklistVersion());
        model.addAttribute("r", r);
        model.addAttribute("checklist", checklist);
        model.addAttribute("service", services.get(name));
        return "readiness/report";
    }

    private static String back(String name) {
        return "redirect:/services/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8) + "/readiness";
    }
}
