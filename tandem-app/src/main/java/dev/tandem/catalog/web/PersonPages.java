package dev.tandem.catalog.web;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.catalog.People;
import dev.tandem.catalog.Person;
import dev.tandem.catalog.PersonDraft;
import dev.tandem.catalog.PersonRole;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.web.FormErrors;
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

/** People of the organisation: the list, a person's page and the form (SREs and admins only). */
@Controller
class PersonPages {

    private final People people;
    private final AccessPolicy policy;
    private final Validator validator;

    PersonPages(People people, AccessPolicy policy, Validator validator) {
        this.people = people;
        this.policy = policy;
        this.validator = validator;
    }

    @GetMapping("/people")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false, defaultValue = "name,asc") String sort, Model model) {
        PersonRole personRole = PersonRole.parse(role);
        model.addAttribute("q", q);
        model.addAttribute("role", personRole);
        model.addAttribute("roles", PersonRole.values());
        model.addAttribute("sort", sort);
        model.addAttribute("results", people.list(q, personRole, PageRequest.of(page, size, sort)));
        return "catalog/people/list";
    }

    @GetMapping("/people/{name}")
    String show(@PathVariable String name, Model model) {
        model.addAttribute("person", people.get(name));
        return "catalog/people/show";
    }

    @GetMapping("/people/new")
    String newForm(Model model) {
        policy.requireCurator();
        return form(PersonForm.blank(), null, model);
    }

    @PostMapping("/people")
    String create(@ModelAttribute("form") PersonForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        PersonDraft draft = form.toDraft();
        FormErrors.validate(validator, draft, result);
        if (!result.hasErrors()) {
            try {
                Person person = people.create(draft);
                redirect.addFlashAttribute("notice", "'" + person.name() + "' was added.");
                return "redirect:/people/" + ServicePages.path(person.name());
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, "name", e.getMessage());
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/people/{name}/edit")
    String editForm(@PathVariable String name, Model model) {
        policy.requireCurator();
        return form(PersonForm.of(people.get(name)), name, model);
    }

    @PostMapping("/people/{name}/edit")
    String update(@PathVariable String name, @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        PersonDraft draft = form.toDraft();
        FormErrors.validate(validator, draft, result);
        if (!result.hasErrors()) {
            try {
                people.update(name, draft, form.version() == null ? -1 : form.version(), false);
                redirect.addFlashAttribute("notice", "'" + name + "' was saved.");
                return "redirect:/people/" + ServicePages.path(name);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (StaleVersionException e) {
                PersonForm again = new PersonForm(form.name(), form.displayName(), form.email(), form.role(), e.current());
                return StaleForms.show(model, again, e, "person", form(again, name, model));
            }
        }
        return form(form, name, model);
    }

    @PostMapping("/people/{name}/delete")
    String delete(@PathVariable String name, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        people.delete(name, version);
        redirect.addFlashAttribute("notice", "'" + name + "' was deleted.");
        return "redirect:/people";
    }

    private String form(PersonForm form, String editing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("roles", PersonRole.values());
        model.addAttribute("pageTitle", editing == null ? "New person" : "Edit person " + editing);
        return "catalog/people/form";
    }
}
