package dev.tandem.accounts.web;

import dev.tandem.accounts.Users;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every signed-in user's own password. */
@Controller
class PasswordPage {

    private final Users users;

    PasswordPage(Users users) {
        this.users = users;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "accounts/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String repeatPassword, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!newPassword.equals(repeatPassword)) {
            errors.put("repeatPassword", "the two new passwords differ");
        } else {
            try {
                users.changeOwnPassword(currentPassword, newPassword);
                redirect.addFlashAttribute("notice", "Your password was changed.");
                return "redirect:/";
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    errors.put("password".equals(p.field()) ? "newPassword" : p.field(), p.message());
                }
            }
        }
        model.addAttribute("errors", errors);
        return "accounts/password";
    }
}
