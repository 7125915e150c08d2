package dev.tandem.catalog.web;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.catalog.MemberRole;
import dev.tandem.catalog.ServiceQuery;
import dev.tandem.catalog.Services;
import dev.tandem.catalog.Team;
import dev.tandem.catalog.TeamDraft;
import dev.tandem.catalog.Teams;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.web.FormErrors;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team list, the team page with its members and services, and the team form. */
@Controller
class TeamPages {

    private final Teams teams;
    private final Services services;
    private final CatalogChoices choices;
    private final AccessPolicy policy;
    private final Validator validator;

    TeamPages(Teams teams, Services services, CatalogChoices choices, AccessPolicy policy, Validator validator) {
        this.teams = teams;
        this.services = services;
        this.choices = choices;
        this.policy = policy;
        this.validator = validator;
    }

    @GetMapping("/teams")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestParam(required = false, defaultValue = "name,asc") String sort, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("results", teams.list(q, PageRequest.of(page, size, sort)));
        return "catalog/teams/list";
    }

    @GetMapping("/teams/{name}")
    String show(@PathVariable String name, @RequestParam(required = false) Integer page, Model model) {
        Team team = teams.get(name);
        model.addAttribute("team", team);
        model.addAttribute("services", services.list(new ServiceQuery(null, name, null, null, null, null),
                PageRequest.of(page, null, "name")));
        model.addAttribute("sort", "name,asc");
        model.addAttribute("canChange", policy.canChangeTeam(name));
        model.addAttribute("roles", MemberRole.values());
        model.addAttribute("people", choices.personNames());
        return "catalog/teams/show";
    }

    @GetMapping("/teams/new")
    String newForm(Model model) {
        policy.requireCurator();
        return form(TeamForm.blank(), null, model);
    }

    @PostMapping("/teams")
    String create(@ModelAttribute("form") TeamForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        TeamDraft draft = form.toDraft(null);
        FormErrors.validate(validator, draft, result);
        if (!result.hasErrors()) {
            try {
                Team team = teams.create(draft);
                redirect.addFlashAttribute("notice", "Team '" + team.name() + "' was created.");
                return "redirect:/teams/" + ServicePages.path(team.name());
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, "name", e.getMessage());
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/teams/{name}/edit")
    String editForm(@PathVariable String name, Model model) {
        Team team = teams.get(name);
        policy.requireChangeTeam(name);
        return form(TeamForm.of(team), name, model);
    }

    @PostMapping("/teams/{name}/edit")
    String update(@PathVariable String name, @ModelAttribute("form") TeamForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Team current = teams.get(name);
        TeamDraft draft = form.toDraft(current.type());
        FormErrors.validate(validator, draft, result);
        if (!result.hasErrors()) {
            try {
                teams.update(name, draft, form.version() == null ? -1 : form.version(), false);
                redirect.addFlashAttribute("notice", "Team '" + name + "' was saved.");
                return "redirect:/teams/" + ServicePages.path(name);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (StaleVersionException e) {
                TeamForm again = new TeamForm(form.name(), form.displayName(), form.description(), form.chatChannel(),
                        form.email(), form.parent(), e.current());
                return StaleForms.show(model, again, e, "team", form(again, name, model));
            }
        }
        return form(form, name, model);
    }

    @PostMapping("/teams/{name}/delete")
    String delete(@PathVariable String name, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        teams.delete(name, version);
        redirect.addFlashAttribute("notice", "Team '" + name + "' was deleted.");
        return "redirect:/teams";
    }

    @PostMapping("/teams/{name}/members")
    String addMember(@PathVariable String name, @RequestParam(defaultValue = "") String person,
                     @RequestParam(required = false) String role, RedirectAttributes redirect) {
        MemberRole memberRole = "LEAD".equalsIgnoreCase(role) ? MemberRole.LEAD : MemberRole.MEMBER;
        try {
            teams.setMember(name, person.trim(), memberRole);
            redirect.addFlashAttribute("notice", "'" + person.trim() + "' is now "
                    + (memberRole == MemberRole.LEAD ? "a lead" : "a member") + " of the team.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
        }
        return "redirect:/teams/" + ServicePages.path(name);
    }

    @PostMapping("/teams/{name}/members/{person}/remove")
    String removeMember(@PathVariable String name, @PathVariable String person, RedirectAttributes redirect) {
        teams.removeMember(name, person);
        redirect.addFlashAttribute("notice", "'" + person + "' was removed from the team.");
        return "redirect:/teams/" + ServicePages.path(name);
    }

    private String form(TeamForm form, String editing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        List<String> teams = choices.teamNamesForSelect();
        model.addAttribute("teams", teams == null ? null : teams.stream().filter(t -> !t.equals(editing)).toList());
        model.addAttribute("pageTitle", editing == null ? "New team" : "Edit team " + editing);
        return "catalog/teams/form";
    }
}
