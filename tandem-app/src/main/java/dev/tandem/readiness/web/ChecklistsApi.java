package dev.tandem.readiness.web;

import dev.tandem.readiness.CheckInfo;
import dev.tandem.readiness.Checklist;
import dev.tandem.readiness.ChecklistImport;
import dev.tandem.readiness.Checklists;
import dev.tandem.readiness.ReadinessChecks;
import dev.tandem.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Checklists and checks")
class ChecklistsApi {

    static final String YAML = "application/yaml";

    private final Checklists checklists;
    private final ReadinessChecks checks;

    ChecklistsApi(Checklists checklists, ReadinessChecks checks) {
        this.checklists = checklists;
        this.checks = checks;
    }

    @GetMapping("/api/v1/checklists")
    @Operation(summary = "The newest version of every checklist")
    List<Checklists.Version> list() {
        return checklists.latestVersions();
    }

    @GetMapping("/api/v1/checklists/{name}")
    @Operation(summary = "A checklist (the newest version, or ?version=N)")
    Checklist get(@PathVariable String name, @RequestParam(required = false) Integer version) {
        if (version != null) {
            return checklists.get(name, version);
        }
        return checklists.latest(name).orElseThrow(() -> new NotFoundException("checklist", name));
    }

    @GetMapping("/api/v1/checklists/{name}/versions")
    @Operation(summary = "Every stored version of a checklist, newest first")
    List<Checklists.Version> versions(@PathVariable String name) {
        List<Checklists.Version> versions = checklists.versions(name);
        if (versions.isEmpty()) {
            throw new NotFoundException("checklist", name);
        }
        return versions;
    }

    @GetMapping(path = "/api/v1/checklists/{name}/export", produces = YAML)
    @Operation(summary = "A checklist version as the YAML it was imported from")
    ResponseEntity<String> export(@PathVariable String name, @RequestParam(required = false) Integer version) {
        int v = version != null ? version
                : checklists.latest(name).orElseThrow(() -> new NotFoundException("checklist", name)).version();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + name + "-v" + v + ".yaml")
                .contentType(MediaType.parseMediaType(YAML))
                .body(checklists.document(name, v));
    }

    @PostMapping(path = "/api/v1/checklists/import", consumes = {YAML, "application/x-yaml", "text/yaml"})
    @Operation(summary = "Import a checklist (admins): a new version when the content changed, nothing otherwise")
    ChecklistImport importChecklist(@RequestBody String yaml, @RequestParam(defaultValue = "false") boolean dryRun) {
        return checklists.importDocument(yaml, dryRun);
    }

    @GetMapping("/api/v1/checks")
    @Operation(summary = "Every automatic check: what it verifies, its source, how to fix it, what each level asks")
    List<CheckInfo> checks() {
        return checks.all();
    }
}
