package dev.tandem.engagement.web;

import dev.tandem.engagement.Assessment;
import dev.tandem.engagement.AssessmentDraft;
import dev.tandem.engagement.Assessments;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.MaturityProgram;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@Tag(name = "Engagement maturity assessments")
class MaturityApi {

    private final Assessments assessments;
    private final Engagements engagements;

    MaturityApi(Assessments assessments, Engagements engagements) {
        this.assessments = assessments;
        this.engagements = engagements;
    }

    @GetMapping("/api/v1/engagements/{id}/assessments")
    @Operation(summary = "An engagement's maturity assessments, in date order")
    List<Assessment> list(@PathVariable long id) {
        engagements.get(id);
        return assessments.list(id);
    }

    @GetMapping("/api/v1/engagements/{id}/assessments/{assessment}")
    @Operation(summary = "One maturity assessment")
    Assessment get(@PathVariable long id, @PathVariable long assessment) {
        engagements.get(id);
        return assessments.get(id, assessment);
    }

    @PostMapping("/api/v1/engagements/{id}/assessments")
    @Operation(summary = "Assess the team's maturity",
            description = "Body: {\"kind\": \"START|CHECKPOINT|END\", \"date\": \"2026-11-02\", \"assessor\": \"...\", "
                    + "\"areas\": [{\"area\": \"observability\", \"score\": 2, \"note\": \"...\"}, ...]}. All seven areas need "
                    + "a score from 1 to 5; one START and one END at most. The embedded SREs, the team's members and admins may.")
    ResponseEntity<Assessment> create(@PathVariable long id, @RequestBody AssessmentDraft draft) {
        Assessment a = assessments.create(id, draft);
        return ResponseEntity.created(URI.create("/api/v1/engagements/" + id + "/assessments/" + a.id())).body(a);
    }

    @PutMapping("/api/v1/engagements/{id}/assessments/{assessment}")
    @Operation(summary = "Change an assessment", description = "The same body as creating, with the version you edited (409 when stale).")
    Assessment update(@PathVariable long id, @PathVariable long assessment, @RequestBody AssessmentDraft draft) {
        return assessments.update(id, assessment, draft);
    }

    @GetMapping("/api/v1/maturity")
    @Operation(summary = "The program's maturity: per area the mean before and after and the mean change; per engagement its averages",
            description = "Before is an engagement's START assessment (else its earliest), after its END (else its newest); "
                    + "the area means count engagements with two different assessments.")
    MaturityProgram program() {
        return assessments.program();
    }
}
