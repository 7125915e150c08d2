package dev.tandem.readiness.web;

import dev.tandem.readiness.Scorecard;
import dev.tandem.readiness.ScorecardHistoryPoint;
import dev.tandem.readiness.ScorecardRollup;
import dev.tandem.readiness.ScorecardRun;
import dev.tandem.readiness.Scorecards;
import dev.tandem.accounts.AccessPolicy;
import dev.tandem.catalog.Services;
import dev.tandem.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Scorecards")
class ScorecardsApi {

    private final Scorecards scorecards;
    private final AccessPolicy policy;
    private final Services services;

    ScorecardsApi(Scorecards scorecards, AccessPolicy policy, Services services) {
        this.scorecards = scorecards;
        this.policy = policy;
        this.services = services;
    }

    @GetMapping("/api/v1/scorecards")
    List<Scorecard> list() {
        return scorecards.all();
    }

    @GetMapping("/api/v1/scorecards/{name}")
    ResponseEntity<Scorecard> get(@PathVariable String name) {
        Scorecard card = scorecards.get(name);
        return ResponseEntity.ok().eTag(Versions.etag(card.version())).body(card);
    }

    @GetMapping(path = "/api/v1/scorecards/{name}/export", produces = ChecklistsApi.YAML)
    @Operation(summary = "The scorecard as the YAML it was imported from")
    ResponseEntity<String> export(@PathVariable String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ChecklistsApi.YAML)).body(scorecards.document(name));
    }

    @PostMapping(path = "/api/v1/scorecards/import", consumes = {ChecklistsApi.YAML, "application/x-yaml", "text/yaml"})
    @Operation(summary = "Create or replace a scorecard from YAML (admins); levels are recomputed for every service",
            description = "Replacing an existing scorecard takes its version (?version=N or If-Match); a stale one is refused.")
    Scorecard importScorecard(@RequestBody String yaml, @RequestParam(required = false) Integer version,
                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                              @RequestParam(defaultValue = "false") boolean dryRun) {
        Integer expected = version != null ? version : Versions.optional(ifMatch);
        return scorecards.importDocument(yaml, expected, dryRun);
    }

    @DeleteMapping("/api/v1/scorecards/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        scorecards.delete(name, Versions.optional(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/scorecards/{name}/rollup")
    @Operation(summary = "Services per level for the organisation and per team")
    ScorecardRollup rollup(@PathVariable String name) {
        return scorecards.rollup(name);
    }

    @GetMapping("/api/v1/scorecards/{name}/history")
    @Operation(summary = "Services per level per day")
    List<ScorecardHistoryPoint> history(@PathVariable String name, @RequestParam(defaultValue = "90") int days) {
        return scorecards.history(name, Math.min(Math.max(days, 1), 730));
    }

    @PostMapping("/api/v1/scorecards/evaluate")
    @Operation(summary = "Recompute scorecard levels now (admins): of every service, or of the one named by ?service=")
    ScorecardRun evaluate(@RequestParam(required = false) String service) {
        policy.requireAdmin();
        return service == null ? scorecards.evaluateAll() : scorecards.evaluateService(services.get(service));
    }
}
