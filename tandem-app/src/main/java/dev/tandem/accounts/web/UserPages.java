package dev.tandem.accounts.web;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.accounts.User;
import dev.tandem.accounts.UserDraft;
import dev.tandem.accounts.Users;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.Role;
import dev.tandem.shared.StaleVersionException;
import dev.tandem.web.FormErrors;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts, for admins: the list and the form. {@link Users} itself refuses everyone else. */
@Controller
class UserPages {

    private final Users users;
    private final AccessPolicy policy;
    private final Validator validator;

    UserPages(Users users, AccessPolicy policy, Validator validator) {
        this.users = users;
        this.policy = policy;
        this.validator = validator;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestParam(required = false, defaultValue = "username,asc") String sort, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("results", users.list(q, PageRequest.of(page, size, sort)));
        return "accounts/users/list";
    }

    @GetMapping("/admin/users/new")
    String newForm(Model model) {
        policy.requireAdmin();
        return form(UserForm.blank(), null, model);
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute("form") UserForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        policy.requireAdmin();
        UserDraft draft = form.toDraft();
        FormErrors.validate(validator, draft, result);
        if (!result.hasErrors()) {
            try {
                User user = users.create(draft);
                redirect.addFlashAttribute("notice", "User '" + user.username() + "' was created.");
                return "redirect:/admin/users";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, "username", e.getMessage());
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/admin/users/{username}/edit")
    String editForm(@PathVariable String username, Model model) {
        policy.requireAdmin();
        return form(UserForm.of(users.get(username)), username, model);
    }

    @PostMapping("/admin/users/{username}/edit")
    String update(@PathVariable String username, @ModelAttribute("form") UserForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        policy.requireAdmin();
        UserDraft draft = form.toDraft();
        FormErrors.validate(validator, draft, result);
        if (!result.hasErrors()) {
            try {
                users.update(username, draft, form.version() == null ? -1 : form.version(), false);
                redirect.addFlashAttribute("notice", "User '" + username + "' was saved.");
                return "redirect:/admin/users";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                result.reject("conflict", e.getMessage());
            } catch (StaleVersionException e) {
                UserForm again = form.withVersion(e.current());
                String view = form(again, username, model);
                BindingResult fresh = new BeanPropertyBindingResult(again, "form");
                fresh.reject("stale", "Someone else changed this user while you edited it (now version " + e.current()
                        + "). Check the values and save again; enter the new password again if you set one.");
                model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", fresh);
                return view;
            }
        }
        return form(form, username, model);
    }

    @PostMapping("/admin/users/{username}/delete")
    String delete(@PathVariable String username, RedirectAttributes redirect) {
        users.delete(username);
        redirect.addFlashAttribute("notice", "User '" + username + "' was deleted.");
        return "redirect:/admin/users";
    }

    private String form(UserForm form, String editing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("roles", Role.values());
        model.addAttribute("minPassword", UserDraft.MIN_PASSWORD_LENGTH);
        model.addAttribute("pageTitle", editing == null ? "New user" : "Edit user " + editing);
        return "accounts/users/form";
    }
}
