package dev.tandem.catalog.web;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.catalog.CatalogSystem;
import dev.tandem.catalog.ServiceQuery;
import dev.tandem.catalog.Services;
import dev.tandem.catalog.SystemDraft;
import dev.tandem.catalog.Systems;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.web.FormErrors;
import dev.tandem.web.Viewer;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Systems: groupings of services, owned by a team. */
@Controller
class SystemPages {

    private final Systems systems;
    private final Services services;
    private final CatalogChoices choices;
    private final AccessPolicy policy;
    private final Validator validator;

    SystemPages(Systems systems, Services services, CatalogChoices choices, AccessPolicy policy, Validator validator) {
        this.systems = systems;
        this.services = services;
        this.choices = choices;
        this.policy = policy;
        this.validator = validator;
    }

    @GetMapping("/systems")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestParam(required = false, defaultValue = "name,asc") String sort, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("results", systems.list(q, PageRequest.of(page, size, sort)));
        return "catalog/systems/list";
    }

    @GetMapping("/systems/{name}")
    String show(@PathVariable String name, @RequestParam(required = false) Integer page, Model model) {
        CatalogSystem system = systems.get(name);
        model.addAttribute("system", system);
        model.addAttribute("services", services.list(new ServiceQuery(null, null, null, null, null, name),
                PageRequest.of(page, null, "name")));
        model.addAttribute("canChange", policy.canChangeTeam(system.owner()));
        return "catalog/systems/show";
    }

    @GetMapping("/systems/new")
    String newForm(Model model) {
        Viewer.requireEditor();
        return form(SystemForm.blank(), null, model);
    }

    @PostMapping("/systems")
    String create(@ModelAttribute("form") SystemForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        SystemDraft draft = form.toDraft();
        FormErrors.validate(validator, draft, result);
        if (!result.hasErrors()) {
            try {
                CatalogSystem system = systems.create(draft);
                redirect.addFlashAttribute("notice", "System '" + system.name() + "' was created.");
                return "redirect:/systems/" + ServicePages.path(system.name());
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, "name", e.getMessage());
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/systems/{name}/edit")
    String editForm(@PathVariable String name, Model model) {
        CatalogSystem system = systems.get(name);
        policy.requireChangeTeam(system.owner());
        return form(SystemForm.of(system), name, model);
    }

    @PostMapping("/systems/{name}/edit")
    String update(@PathVariable String name, @ModelAttribute("form") SystemForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        SystemDraft draft = form.toDraft();
        FormErrors.validate(validator, draft, result);
        if (!result.hasErrors()) {
            try {
                systems.update(name, draft, form.version() == null ? -1 : form.version(), false);
                redirect.addFlashAttribute("notice", "System '" + name + "' was saved.");
                return "redirect:/systems/" + ServicePages.path(name);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (StaleVersionException e) {
                SystemForm again = new SystemForm(form.name(), form.title(), form.description(), form.owner(),
                        form.domain(), e.current());
                return StaleForms.show(model, again, e, "system", form(again, name, model));
            }
        }
        return form(form, name, model);
    }

    @PostMapping("/systems/{name}/delete")
    String delete(@PathVariable String name, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        systems.delete(name, version);
        redirect.addFlashAttribute("notice", "System '" + name + "' was deleted.");
        return "redirect:/systems";
    }

    private String form(SystemForm form, String editing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("teams", choices.teamNamesForSelect());
        model.addAttribute("pageTitle", editing == null ? "New system" : "Edit system " + editing);
        return "catalog/systems/form";
    }
}
