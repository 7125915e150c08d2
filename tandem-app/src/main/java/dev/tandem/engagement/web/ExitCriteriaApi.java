package dev.tandem.engagement.web;

import dev.tandem.engagement.CriterionHistory;
import dev.tandem.engagement.ExitCriteria;
import dev.tandem.engagement.ExitReadiness;
import dev.tandem.engagement.ManualInput;
import dev.tandem.engagement.ManualRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Engagement exit criteria")
class ExitCriteriaApi {

    private final ExitCriteria criteria;

    ExitCriteriaApi(ExitCriteria criteria) {
        this.criteria = criteria;
    }

    @GetMapping("/api/v1/engagements/{id}/exit-readiness")
    @Operation(summary = "Exit readiness: criteria met of all, each criterion's status, since when and its trend",
            description = "stage is NO_CRITERIA, NOT_READY, READY (all met, since readySince) or PLAN_EXIT (all met for "
                    + "the charter's holdDays); needsDecision is set when the planned end has passed with less than half "
                    + "of the criteria met. Each criterion: state MET, NOT_MET or NO_DATA, detail, progress (0-1), stale, "
                    + "since, evaluatedAt, trend (the last status of each of the last 30 days).")
    ExitReadiness readiness(@PathVariable long id) {
        return criteria.readiness(id);
    }

    @PostMapping("/api/v1/engagements/{id}/criteria/evaluate")
    @Operation(summary = "Evaluate the exit criteria now",
            description = "For those who may edit the engagement; only accepted or running engagements are evaluated (409 otherwise).")
    ExitReadiness evaluate(@PathVariable long id) {
        return criteria.evaluateNow(id);
    }

    @PutMapping("/api/v1/engagements/{id}/criteria/{key}/manual")
    @Operation(summary = "Record a manual criterion as met (with evidence) or not met",
            description = "Body: {\"met\": true, \"evidence\": \"...\", \"url\": \"https://...\"}. Met needs evidence, a link "
                    + "or both. The embedded SREs, the team's members and admins may; every record is kept.")
    ManualRecord manual(@PathVariable long id, @PathVariable String key, @RequestBody ManualInput input) {
        return criteria.recordManual(id, key, input);
    }

    @GetMapping("/api/v1/engagements/{id}/criteria/{key}/history")
    @Operation(summary = "A criterion's current status, its status per day, and (manual criteria) every record",
            description = "days: how many days back, 1-400 (default 90).")
    CriterionHistory history(@PathVariable long id, @PathVariable String key,
                             @RequestParam(defaultValue = "90") int days) {
        return criteria.history(id, key, days);
    }
}
