package dev.tandem.engagement.web;

import dev.tandem.engagement.AfterActionReport;
import dev.tandem.engagement.AfterActionReports;
import dev.tandem.engagement.Candidate;
import dev.tandem.engagement.Charter;
import dev.tandem.engagement.CharterDraft;
import dev.tandem.engagement.Charters;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementQuery;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.Journal;
import dev.tandem.engagement.JournalEntry;
import dev.tandem.engagement.Plan;
import dev.tandem.engagement.Proposal;
import dev.tandem.engagement.Selection;
import dev.tandem.engagement.SelectionCriterion;
import dev.tandem.engagement.SelectionScore;
import dev.tandem.engagement.Transition;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.PageRequest;
import dev.tandem.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/engagements")
@Tag(name = "Engagements")
class EngagementsApi {

    private final Engagements engagements;
    private final Selection selection;
    private final Charters charters;
    private final Journal journal;
    private final AfterActionReports reports;

    EngagementsApi(Engagements engagements, Selection selection, Charters charters, Journal journal,
                   AfterActionReports reports) {
        this.engagements = engagements;
        this.selection = selection;
        this.charters = charters;
        this.journal = journal;
        this.reports = reports;
    }

    record Decision(String reason, Integer version) {
    }

    record Move(String to, String reason, Integer version) {
    }

    record Scored(Engagement engagement, SelectionScore score) {
    }

    record ReportBody(String body, Integer version) {
    }

    record Versioned(Integer version) {
    }

    @GetMapping
    @Operation(summary = "Engagements, most recently changed first",
            description = "Filters: team, state (repeatable; e.g. state=learning&state=sharing-context), sre (a person), "
                    + "q (title or team). sort=updated (default), created, team, state, title, plannedStart, plannedEnd; ',desc' reverses.")
    PageResponse<Engagement> list(@RequestParam(required = false) String team, @RequestParam(required = false) List<String> state,
                                  @RequestParam(required = false) String sre, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        Set<EngagementState> states = new LinkedHashSet<>();
        if (state != null) {
            state.stream().filter(s -> !s.isBlank()).map(EngagementState::parse).forEach(states::add);
        }
        return PageResponse.of(engagements.list(new EngagementQuery(team, states, sre, q), PageRequest.of(page, size, sort)));
    }

    @PostMapping
    @Operation(summary = "Propose an engagement for a team (its members, SREs and admins)",
            description = "The pain (incidents and SLO misses last quarter, toil share, an upcoming launch), the hopes, "
                    + "willingness and motivation (1-5), the relationship with SRE (none, occasional, established), "
                    + "the risk (1-5) and the services in scope, which the team must own.")
    ResponseEntity<Engagement> propose(@RequestBody Proposal proposal) {
        Engagement e = engagements.propose(proposal);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/v1/engagements/" + e.id()).body(e);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One engagement")
    Engagement get(@PathVariable long id) {
        return engagements.get(id);
    }

    @PutMapping("/{id}/intake")
    @Operation(summary = "Change the proposal while it is proposed (send the engagement's version)")
    Engagement updateIntake(@PathVariable long id, @RequestBody Proposal proposal) {
        return engagements.updateIntake(id, proposal);
    }

    @PutMapping("/{id}/plan")
    @Operation(summary = "Plan the engagement: dates and the embedded SREs with their share of time (admins)")
    Engagement plan(@PathVariable long id, @RequestBody Plan plan) {
        return engagements.plan(id, plan);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a proposal (admins), with an optional reason")
    Engagement accept(@PathVariable long id, @RequestBody Decision d) {
        return engagements.accept(id, d.reason(), d.version());
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline a proposal (admins); the reason is required")
    Engagement decline(@PathVariable long id, @RequestBody Decision d) {
        return engagements.decline(id, d.reason(), d.version());
    }

    @PostMapping("/{id}/transitions")
    @Operation(summary = "Move the engagement to another state",
            description = "States: proposed, accepted, learning, sharing-context, driving-change, exiting, completed, "
                    + "declined, cancelled. Only the next step, declining a proposal or cancelling is legal; an illegal "
                    + "move answers 409 and says why. Starting (learning) needs an embedded SRE and exit criteria; "
                    + "completing needs a saved after-action report.")
    Engagement move(@PathVariable long id, @RequestBody Move m) {
        return engagements.move(id, EngagementState.parse(m.to()), m.reason(), m.version());
    }

    @GetMapping("/{id}/transitions")
    @Operation(summary = "The engagement's history of states: who, when and why")
    List<Transition> transitions(@PathVariable long id) {
        return engagements.transitions(id);
    }

    @GetMapping("/queue")
    @Operation(summary = "Proposed engagements ranked by the selection score, with each score's breakdown")
    List<Candidate> queue() {
        return selection.ranking();
    }

    @GetMapping("/{id}/score")
    @Operation(summary = "The engagement's selection score with its breakdown (under the current weights)")
    Scored score(@PathVariable long id) {
        Engagement e = engagements.get(id);
        return new Scored(e, selection.score(e));
    }

    @GetMapping("/selection-weights")
    @Operation(summary = "The weights of the selection criteria (0-10 each)")
    Map<String, Integer> weights() {
        return keyed(selection.weights());
    }

    @PutMapping("/selection-weights")
    @Operation(summary = "Change weights of selection criteria (admins); criteria not named keep theirs")
    Map<String, Integer> setWeights(@RequestBody Map<String, Integer> weights) {
        return keyed(selection.setWeights(weights));
    }

    private static Map<String, Integer> keyed(Map<SelectionCriterion, Integer> weights) {
        Map<String, Integer> out = new LinkedHashMap<>();
        weights.forEach((c, w) -> out.put(c.key(), w));
        return out;
    }

    @GetMapping("/{id}/charter")
    @Operation(summary = "The current charter (404 before the first is saved)")
    Charter charter(@PathVariable long id) {
        engagements.get(id);
        return charters.current(id).orElseThrow(() -> new NotFoundException("charter", String.valueOf(id)));
    }

    @PutMapping("/{id}/charter")
    @Operation(summary = "Save the charter as a new version (the embedded SREs, the team's members, admins)",
            description = "version is the charter version edited (0 for the first). exitCriteria is a list of objects "
                    + "with a kind (scorecard-level, review-approved, slo-attainment, budget-not-exhausted, maturity-score, "
                    + "manual) and its fields; see docs/engagements.md.")
    Charter saveCharter(@PathVariable long id, @RequestBody CharterDraft draft) {
        return charters.save(id, draft);
    }

    @GetMapping("/{id}/charter/versions")
    @Operation(summary = "Every version of the charter, newest first; afterStart marks changes made after the start")
    List<Charter> charterVersions(@PathVariable long id) {
        return charters.versions(id);
    }

    @GetMapping("/{id}/charter/versions/{version}")
    @Operation(summary = "One version of the charter")
    Charter charterVersion(@PathVariable long id, @PathVariable int version) {
        engagements.get(id);
        return charters.version(id, version);
    }

    @GetMapping("/{id}/journal")
    @Operation(summary = "The journal, newest first")
    List<JournalEntry> journal(@PathVariable long id) {
        return journal.entries(id);
    }

    @PostMapping("/{id}/journal")
    @Operation(summary = "Add a journal entry: note, decision, fix (handed to a team member: assignee) or link (url)")
    ResponseEntity<JournalEntry> addEntry(@PathVariable long id, @RequestBody JournalEntry.Draft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(journal.add(id, draft));
    }

    @PutMapping("/{id}/journal/{entryId}")
    @Operation(summary = "Change a journal entry (send its version)")
    JournalEntry updateEntry(@PathVariable long id, @PathVariable long entryId, @RequestBody JournalEntry.Draft draft) {
        return journal.update(id, entryId, draft);
    }

    @DeleteMapping("/{id}/journal/{entryId}")
    @Operation(summary = "Delete a journal entry (version as a query parameter)")
    ResponseEntity<Void> deleteEntry(@PathVariable long id, @PathVariable long entryId, @RequestParam Integer version) {
        journal.delete(id, entryId, version);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "The after-action report (drafted when the engagement enters the exit; 404 before)")
    AfterActionReport report(@PathVariable long id) {
        engagements.get(id);
        return reports.find(id).orElseThrow(() -> new NotFoundException("after-action report", String.valueOf(id)));
    }

    @GetMapping(path = "/{id}/report.md", produces = "text/markdown")
    @Operation(summary = "The after-action report as a Markdown file")
    ResponseEntity<String> reportMarkdown(@PathVariable long id) {
        AfterActionReport r = report(id);
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"engagement-" + id + "-after-action-report.md\"")
                .body(r.body());
    }

    @PutMapping("/{id}/report")
    @Operation(summary = "Save the after-action report (at the exit; send the version edited, 0 if none exists)")
    AfterActionReport saveReport(@PathVariable long id, @RequestBody ReportBody body) {
        return reports.save(id, body.body(), body.version());
    }

    @PostMapping("/{id}/report/redraft")
    @Operation(summary = "Replace the report with a fresh draft from the current data (a new version)")
    AfterActionReport redraft(@PathVariable long id, @RequestBody Versioned v) {
        return reports.redraft(id, v.version());
    }
}
