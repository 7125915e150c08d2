package dev.tandem.engagement.web;

import dev.tandem.engagement.Roster;
import dev.tandem.engagement.RosterEntry;
import dev.tandem.engagement.RosterUpdate;
import dev.tandem.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "SRE roster and rotation")
class RosterApi {

    private final Roster roster;

    RosterApi(Roster roster) {
        this.roster = roster;
    }

    @GetMapping("/api/v1/roster")
    @Operation(summary = "The SRE roster: every catalog person with role SRE, with capacity, slots and skills",
            description = "An SRE nobody has edited yet has the defaults (capacity 100 %, one engagement at a time) and version 0.")
    List<RosterEntry> list() {
        return roster.entries();
    }

    @GetMapping("/api/v1/roster/{person}")
    @Operation(summary = "One SRE's roster entry (its version is also the ETag)")
    ResponseEntity<RosterEntry> get(@PathVariable String person) {
        RosterEntry entry = roster.get(person);
        return ResponseEntity.ok().eTag(Versions.etag(entry.version())).body(entry);
    }

    @PutMapping("/api/v1/roster/{person}")
    @Operation(summary = "Change an SRE's roster entry (admins)",
            description = "capacityPercent 0-100 (default 100), maxConcurrent 1-10 (default 1), skills (short tags), "
                    + "unavailableUntil (the last day away, or null). If-Match or the body's version is required: "
                    + "a stale If-Match answers 412, a stale body version 409.")
    ResponseEntity<RosterEntry> put(@PathVariable String person, @RequestBody RosterUpdate body,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versions.Expected expected = Versions.expected(ifMatch, body.version());
        RosterEntry entry = roster.update(person, body, expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(entry.version())).body(entry);
    }
}
