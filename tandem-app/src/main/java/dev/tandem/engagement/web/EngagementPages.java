package dev.tandem.engagement.web;

import dev.tandem.catalog.People;
import dev.tandem.catalog.PersonRole;
import dev.tandem.catalog.Teams;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementAccess;
import dev.tandem.engagement.EngagementQuery;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.ExitCriteria;
import dev.tandem.engagement.ExitReadiness;
import dev.tandem.engagement.Plan;
import dev.tandem.engagement.Rotation;
import dev.tandem.engagement.Selection;
import dev.tandem.engagement.SelectionCriterion;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.web.FormErrors;
import dev.tandem.web.Viewer;
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
import java.util.Set;

/** The engagement list, the proposal form, the selection queue, and an engagement's overview with its decisions and moves. */
@Controller
class EngagementPages {

    private final Engagements engagements;
    private final Selection selection;
    private final EngagementAccess access;
    private final Teams teams;
    private final People people;
    private final ExitCriteria exitCriteria;
    private final Rotation rotation;

    EngagementPages(Engagements engagements, Selection selection, EngagementAccess access, Teams teams, People people,
                    ExitCriteria exitCriteria, Rotation rotation) {
        this.exitCriteria = exitCriteria;
        this.rotation = rotation;
        this.engagements = engagements;
        this.selection = selection;
        this.access = access;
        this.teams = teams;
        this.people = people;
    }

    /** The list's quick filters, by what a manager asks: what runs, what waits, what is over. */
    static final Map<String, Set<EngagementState>> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("running", Set.of(EngagementState.ACCEPTED, EngagementState.LEARNING, EngagementState.SHARING_CONTEXT,
                EngagementState.DRIVING_CHANGE, EngagementState.EXITING));
        VIEWS.put("proposed", Set.of(EngagementState.PROPOSED));
        VIEWS.put("finished", Set.of(EngagementState.COMPLETED, EngagementState.DECLINED, EngagementState.CANCELLED));
        VIEWS.put("all", Set.of());
    }

    @GetMapping("/engagements")
    String list(@RequestParam(defaultValue = "running") String view, @RequestParam(required = false) String team,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) String sort, Model model) {
        String v = VIEWS.containsKey(view) ? view : "running";
        model.addAttribute("view", v);
        model.addAttribute("views", VIEWS.keySet());
        model.addAttribute("team", team);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort == null ? "" : sort);
        var results = engagements.list(new EngagementQuery(team, VIEWS.get(v), null, q), PageRequest.of(page, null, sort));
        model.addAttribute("results", results);
        Map<Long, ExitReadiness> exit = new java.util.HashMap<>();
        results.items().stream().filter(e -> e.state().committed()).forEach(e -> exit.put(e.id(), exitCriteria.readiness(e.id())));
        model.addAttribute("exit", exit);
        return "engagement/list";
    }

    @GetMapping("/engagements/new")
    String newForm(@RequestParam(required = false) String team, Model model) {
        Viewer.requireEditor();
        return proposalForm(ProposalForm.blank(team), null, model);
    }

    @PostMapping("/engagements")
    String propose(@ModelAttribute("form") ProposalForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!form.launchReadable()) {
            result.rejectValue("upcomingLaunch", "invalid", "a date like 2027-03-31");
        }
        if (!result.hasErrors()) {
            try {
                Engagement e = engagements.propose(form.toProposal());
                redirect.addFlashAttribute("notice", "The engagement was proposed. It waits in the queue for a decision.");
                return "redirect:/engagements/" + e.id();
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        return proposalForm(form, null, model);
    }

    @GetMapping("/engagements/{id}/intake")
    String intakeForm(@PathVariable long id, Model model) {
        Engagement e = engagements.get(id);
        access.requirePropose(e.team());
        return proposalForm(ProposalForm.of(e), e, model);
    }

    @PostMapping("/engagements/{id}/intake")
    String updateIntake(@PathVariable long id, @ModelAttribute("form") ProposalForm form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        Engagement e = engagements.get(id);
        if (!form.launchReadable()) {
            result.rejectValue("upcomingLaunch", "invalid", "a date like 2027-03-31");
        }
        if (!result.hasErrors()) {
            try {
                engagements.updateIntake(id, form.toProposal());
                redirect.addFlashAttribute("notice", "The proposal was saved.");
                return "redirect:/engagements/" + id;
            } catch (InvalidInputException ex) {
                FormErrors.reject(result, ex);
            } catch (StaleVersionException | ConflictException ex) {
                result.reject("stale", ex.getMessage());
            }
        }
        return proposalForm(form, e, model);
    }

    private String proposalForm(ProposalForm form, Engagement editing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("teams", teams.names(1000));
        return "engagement/propose";
    }

    @GetMapping("/engagements/queue")
    String queue(Model model) {
        model.addAttribute("candidates", selection.ranking());
        model.addAttribute("weights", selection.weights());
        model.addAttribute("criteria", SelectionCriterion.values());
        model.addAttribute("manager", access.isManager());
        return "engagement/queue";
    }

    @PostMapping("/engagements/queue/weights")
    String weights(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (SelectionCriterion c : SelectionCriterion.values()) {
            String v = params.get("weight-" + c.key());
            if (v != null) {
                try {
                    weights.put(c.key(), Integer.parseInt(v.trim()));
                } catch (NumberFormatException e) {
                    unreadable.add(c.label());
                }
            }
        }
        try {
            if (!unreadable.isEmpty()) {
                throw new InvalidInputException("weights", "whole numbers from 0 to 10 (" + String.join(", ", unreadable) + ")");
            }
            selection.setWeights(weights);
            redirect.addFlashAttribute("notice", "The weights were saved; the queue is ranked by them.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/engagements/queue";
    }

    @GetMapping("/engagements/{id}")
    String show(@PathVariable long id, Model model) {
        Engagement e = engagements.get(id);
        model.addAttribute("engagement", e);
        model.addAttribute("transitions", engagements.transitions(id));
        model.addAttribute("exit", e.state().committed() || e.state().terminal() && e.startedAt() != null
                ? exitCriteria.readiness(id) : null);
        model.addAttribute("score", e.state() == EngagementState.PROPOSED ? selection.score(e) : null);
        model.addAttribute("manager", access.isManager());
        model.addAttribute("canDrive", access.canDrive(e));
        model.addAttribute("canPropose", access.canPropose(e.team()));
        EngagementState next = e.state().terminal() || e.state() == EngagementState.PROPOSED ? null
                : EngagementState.mainLine().get(e.state().step() + 1);
        model.addAttribute("next", next);
        // the manager's plan is not bound by capacity (the planner is); say so when an SRE is over it
        List<String> overbooked = e.state().committed() ? rotation.overCapacity(e) : List.of();
        model.addAttribute("overbooked", overbooked);
        model.addAttribute("sreChoices", access.isManager()
                ? people.list(null, PersonRole.SRE, PageRequest.of(0, 500, "name")).items() : List.of());
        return "engagement/show";
    }

    @PostMapping("/engagements/{id}/decision")
    String decide(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if ("accept".equals(decision)) {
                engagements.accept(id, reason, version);
                return "The engagement was accepted. Plan it and agree the charter before it starts.";
            }
            engagements.decline(id, reason, version);
            return "The engagement was declined.";
        });
    }

    @PostMapping("/engagements/{id}/move")
    String move(@PathVariable long id, @RequestParam String to, @RequestParam(required = false) String reason,
                @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Engagement e = engagements.move(id, EngagementState.parse(to), reason, version);
            return "The engagement is now " + e.state().label() + "."
                    + (e.state() == EngagementState.EXITING ? " Its after-action report has been drafted." : "");
        });
    }

    @PostMapping("/engagements/{id}/plan")
    String plan(@PathVariable long id, @RequestParam(required = false) String plannedStart,
                @RequestParam(required = false) String plannedEnd, @RequestParam(required = false) List<String> sre,
                @RequestParam(required = false) List<Integer> share, @RequestParam(required = false) Integer version,
                RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<Plan.Assignment> sres = new ArrayList<>();
            if (sre != null) {
                for (int i = 0; i < sre.size(); i++) {
                    if (sre.get(i) != null && !sre.get(i).isBlank()) {
                        sres.add(new Plan.Assignment(sre.get(i), share != null && i < share.size() ? share.get(i) : null));
                    }
                }
            }
            engagements.plan(id, new Plan(date("plannedStart", plannedStart), date("plannedEnd", plannedEnd), sres, version));
            return "The plan was saved.";
        });
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date like 2027-03-31");
        }
    }

    /** Runs an action from a button: a refusal comes back as a message on the page, nothing changed. */
    static String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.problems().stream().map(p -> p.field() + ": " + p.message())
                    .reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("error", "Someone else changed the engagement meanwhile; nothing was changed. "
                    + "Check the page and try again.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/engagements/" + id;
    }
}
