package dev.tandem.program.web;

import dev.tandem.program.Program;
import dev.tandem.program.ProgramOverview;
import dev.tandem.program.Quarter;
import dev.tandem.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The program dashboard, as a page and as JSON. */
@Controller
@Tag(name = "Program")
class ProgramDashboard {

    private final Program program;

    ProgramDashboard(Program program) {
        this.program = program;
    }

    @GetMapping("/program")
    String dashboard(@RequestParam(required = false) String quarter, Model model) {
        model.addAttribute("overview", program.overview(parse(quarter)));
        return "program/dashboard";
    }

    @GetMapping("/api/v1/program")
    @ResponseBody
    @Operation(summary = "The program dashboard: running engagements and their exit readiness, the queue, SRE "
            + "utilisation, satisfaction, and the engagements completed in a quarter (default: this one) with their outcomes")
    ProgramOverview api(@RequestParam(required = false) String quarter) {
        return program.overview(parse(quarter));
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
