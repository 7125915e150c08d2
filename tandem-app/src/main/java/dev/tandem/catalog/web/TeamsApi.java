package dev.tandem.catalog.web;

import dev.tandem.catalog.MemberRole;
import dev.tandem.catalog.Team;
import dev.tandem.catalog.TeamDraft;
import dev.tandem.catalog.TeamSummary;
import dev.tandem.catalog.Teams;
import dev.tandem.shared.PageRequest;
import dev.tandem.web.PageResponse;
import dev.tandem.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamsApi {

    private final Teams teams;

    TeamsApi(Teams teams) {
        this.teams = teams;
    }

    record MemberRequest(MemberRole role) {
    }

    @GetMapping
    @Operation(summary = "List teams", description = "Sort by name, displayName, services or members; prefix with - or add ,desc to reverse.")
    PageResponse<TeamSummary> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return PageResponse.of(teams.list(q, PageRequest.of(page, size, sort)));
    }

    @GetMapping("/{name}")
    ResponseEntity<Team> get(@PathVariable String name) {
        Team team = teams.get(name);
        return ResponseEntity.ok().eTag(Versions.etag(team.version())).body(team);
    }

    @PostMapping
    ResponseEntity<Team> create(@Valid @RequestBody TeamDraft draft) {
        Team team = teams.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.name())).eTag(Versions.etag(team.version())).body(team);
    }

    @PutMapping("/{name}")
    ResponseEntity<Team> update(@PathVariable String name, @Valid @RequestBody TeamDraft draft,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versions.Expected expected = Versions.expected(ifMatch, draft.version());
        Team team = teams.update(name, draft, expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(team.version())).body(team);
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        teams.delete(name, Versions.optional(ifMatch));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    @PutMapping("/{name}/members/{person}")
    @Operation(summary = "Add a person to the team, or change their role in it")
    Team setMember(@PathVariable String name, @PathVariable String person, @RequestBody(required = false) MemberRequest body) {
        return teams.setMember(name, person, body == null ? null : body.role());
    }

    @DeleteMapping("/{name}/members/{person}")
    Team removeMember(@PathVariable String name, @PathVariable String person) {
        return teams.removeMember(name, person);
    }
}
