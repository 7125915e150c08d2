package dev.tandem.engagement.web;

import dev.tandem.engagement.AssignmentPlan;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.Planner;
import dev.tandem.engagement.ProposalChoice;
import dev.tandem.engagement.Roster;
import dev.tandem.engagement.Rotation;
import dev.tandem.engagement.RotationSettings;
import dev.tandem.engagement.Utilisation;
import dev.tandem.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "SRE roster and rotation")
class RotationApi {

    private final Rotation rotation;
    private final Planner planner;
    private final Roster roster;

    RotationApi(Rotation rotation, Planner planner, Roster roster) {
        this.rotation = rotation;
        this.planner = planner;
        this.roster = roster;
    }

    @GetMapping("/api/v1/rotation")
    @Operation(summary = "Who is embedded where and until when, utilisation per SRE and for the program, and who is free next",
            description = "Counts committed engagements (accepted or running). freeFrom is today when the SRE has room, "
                    + "else the day after the planned end that makes room; null (with freeNote) when unknown.")
    Utilisation rotation() {
        return rotation.utilisation();
    }

    @GetMapping("/api/v1/rotation/plan")
    @Operation(summary = "The planner's proposed next assignments, from the ranked queue",
            description = "For each proposed engagement in rank order: one SRE with room over the whole period who stays "
                    + "within the maximum stay with the team, preferring SREs new to the team, then the one free soonest, "
                    + "then matching skills. Each proposal has its reasons; candidates nobody can take are listed with why.")
    AssignmentPlan plan() {
        return planner.plan();
    }

    @PostMapping("/api/v1/rotation/plan")
    @Operation(summary = "Apply one proposal (admins): accept the engagement and set its plan",
            description = "Body: engagement, version (the engagement's version in the proposal), person, sharePercent, "
                    + "plannedStart, plannedEnd. A changed engagement or an SRE without room any more answers 409.")
    Engagement apply(@RequestBody ProposalChoice body) {
        return planner.apply(body);
    }

    @GetMapping("/api/v1/rotation/settings")
    @Operation(summary = "The rotation settings: maximum stay per team and default engagement length, in days")
    ResponseEntity<RotationSettings> settings() {
        RotationSettings s = roster.settings();
        return ResponseEntity.ok().eTag(Versions.etag(s.version())).body(s);
    }

    @PutMapping("/api/v1/rotation/settings")
    @Operation(summary = "Change the rotation settings (admins); If-Match or the body's version is required")
    ResponseEntity<RotationSettings> putSettings(@RequestBody RotationSettings.Update body,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versions.Expected expected = Versions.expected(ifMatch, body.version());
        RotationSettings s = roster.updateSettings(body, expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(s.version())).body(s);
    }
}
