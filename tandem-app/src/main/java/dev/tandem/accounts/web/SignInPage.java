package dev.tandem.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST and the sign-out. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String login() {
        return "accounts/login";
    }
}
