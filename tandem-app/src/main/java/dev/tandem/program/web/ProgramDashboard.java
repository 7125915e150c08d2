package dev.tandem.program.web;

import dev.tandem.program.Program;
import dev.tandem.program.Quarter;
import dev.tandem.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The program dashboard page. */
@Controller
class ProgramDashboard {

    private final Program program;

    ProgramDashboard(Program program) {
        this.program = program;
    }

    @GetMapping("/program")
    String dashboard(@RequestParam(required = false) String quarter, Model model) {
        Quarter q = parse(quarter);
        model.addAttribute("overview", program.overview(q));
        model.addAttribute("previous", q.previous().toString());
        model.addAttribute("next", q.next().toString());
        return "program/dashboard";
    }

    static Quarter parse(String text) {
        if (text == null || text.isBlank()) {
            return Quarter.current();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-Q([1-4])").matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidInputException("quarter", "a quarter like 2026-Q4");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
