package dev.tandem.program.web;

import dev.tandem.program.Program;
import dev.tandem.program.ProgramOverview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Program")
class ProgramApi {

    private final Program program;

    ProgramApi(Program program) {
        this.program = program;
    }

    @GetMapping("/api/v1/program")
    @Operation(summary = "The program dashboard: running engagements and their exit readiness, the queue, SRE "
            + "utilisation, satisfaction, and the engagements completed in a quarter (default: this one, UTC) with their outcomes")
    ProgramOverview overview(@RequestParam(required = false) String quarter) {
        return program.overview(ProgramDashboard.parse(quarter));
    }
}
