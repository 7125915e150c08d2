package dev.tandem.accounts.web;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.accounts.ApiTokens;
import dev.tandem.accounts.IssuedToken;
import dev.tandem.accounts.User;
import dev.tandem.accounts.Users;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.PageRequest;
import dev.tandem.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * API tokens, for admins. A new token's secret is rendered straight from the POST that made it and never
 * stored, neither in the session nor in a flash attribute, so it can be seen exactly once.
 */
@Controller
class TokenPages {

    private final ApiTokens tokens;
    private final Users users;
    private final AccessPolicy policy;

    TokenPages(ApiTokens tokens, Users users, AccessPolicy policy) {
        this.tokens = tokens;
        this.users = users;
        this.policy = policy;
    }

    @GetMapping("/admin/tokens")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        return page(TokenForm.blank(), page, size, model);
    }

    @PostMapping("/admin/tokens")
    String issue(@ModelAttribute("form") TokenForm form, BindingResult result, Model model, HttpServletResponse response) {
        policy.requireAdmin();
        Instant expiresAt = null;
        try {
            expiresAt = form.expiresAt();
        } catch (DateTimeParseException e) {
            result.rejectValue("expires", "invalid", "write the date as yyyy-mm-dd");
        }
        if (form.username() == null || form.username().isBlank()) {
            result.rejectValue("username", "required", "choose the user the token acts as");
        }
        if (!result.hasErrors()) {
            try {
                IssuedToken issued = tokens.issue(form.username().trim(), form.name(), expiresAt);
                response.setHeader("Cache-Control", "no-store");
                model.addAttribute("issued", issued);
                return "accounts/tokens/issued";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> FormErrors.reject(result, "expiresAt".equals(p.field()) ? "expires" : p.field(),
                        p.message()));
            }
        }
        return page(form, null, null, model);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        var token = tokens.revoke(id);
        redirect.addFlashAttribute("notice", "Token '" + token.name() + "' (" + token.prefix() + "…) was revoked.");
        return "redirect:/admin/tokens";
    }

    private String page(TokenForm form, Integer page, Integer size, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("results", tokens.list(PageRequest.of(page, size, null)));
        model.addAttribute("usernames", users.list(null, new PageRequest(0, PageRequest.MAX_SIZE, "username", false))
                .items().stream().map(User::username).toList());
        model.addAttribute("now", Instant.now());
        return "accounts/tokens/list";
    }
}
