package dev.tandem.slo.web;

import dev.tandem.shared.ConflictException;
import dev.tandem.shared.PageRequest;
import dev.tandem.slo.BudgetState;
import dev.tandem.slo.EventInput;
import dev.tandem.slo.PushResult;
import dev.tandem.slo.Slo;
import dev.tandem.slo.SloEvents;
import dev.tandem.slo.SloImportResult;
import dev.tandem.slo.SloMonitor;
import dev.tandem.slo.SloQuery;
import dev.tandem.slo.SloReport;
import dev.tandem.slo.SloSummary;
import dev.tandem.slo.Slos;
import dev.tandem.slo.prometheus.PrometheusRules;
import dev.tandem.web.PageResponse;
import dev.tandem.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "SLOs and error budgets")
class SlosApi {

    static final String YAML = "application/yaml";

    private final Slos slos;
    private final SloEvents events;
    private final SloMonitor monitor;

    SlosApi(Slos slos, SloEvents events, SloMonitor monitor) {
        this.slos = slos;
        this.events = events;
        this.monitor = monitor;
    }

    @PostMapping(path = "/api/v1/slos/import", consumes = {YAML, "application/x-yaml", "text/yaml"})
    @Operation(summary = "Import SLOs from an OpenSLO v1 or Sloth prometheus/v1 file, all-or-nothing",
            description = "Each SLO must name a catalog service; members of the owning team of every service named, "
                    + "SREs and admins may import. The same content again changes nothing. A refused file answers 400 "
                    + "with every problem (document index, line, field path, message). dryRun=true writes nothing.")
    SloImportResult importSlos(@RequestBody String yaml, @RequestParam(defaultValue = "false") boolean dryRun) {
        return slos.importDocument(yaml, dryRun);
    }

    @GetMapping("/api/v1/slos")
    @Operation(summary = "SLOs, the least remaining error budget first",
            description = "Filters: service, team (the owning team of the service). sort=remaining (default), name, service, target; ',desc' reverses.")
    PageResponse<SloSummary> list(@RequestParam(required = false) String service, @RequestParam(required = false) String team,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        return PageResponse.of(slos.list(new SloQuery(service, team), PageRequest.of(page, size, sort)));
    }

    @GetMapping("/api/v1/services/{name}/slos")
    @Operation(summary = "The SLOs of one service")
    List<SloSummary> forService(@PathVariable String name) {
        return slos.forService(name);
    }

    @GetMapping("/api/v1/slos/{name}")
    @Operation(summary = "One SLO (its version is also the ETag)")
    ResponseEntity<Slo> get(@PathVariable String name) {
        Slo slo = slos.get(name);
        return ResponseEntity.ok().eTag(Versions.etag(slo.version())).body(slo);
    }

    @GetMapping(path = "/api/v1/slos/{name}/export", produces = YAML)
    @Operation(summary = "The SLO as an OpenSLO v1 file, with the DataSources it references")
    ResponseEntity<String> export(@PathVariable String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + name + ".yaml")
                .contentType(MediaType.parseMediaType(YAML))
                .body(slos.export(name));
    }

    @DeleteMapping("/api/v1/slos/{name}")
    @Operation(summary = "Delete an SLO and its pushed data (If-Match or ?version= required)")
    ResponseEntity<Void> delete(@PathVariable String name, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer version) {
        Versions.Expected expected = Versions.expected(ifMatch, version);
        slos.delete(name, expected.version(), expected.fromIfMatch());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/slos/{name}/events")
    @Operation(summary = "Push SLI counts to the built-in store: a JSON array of {timestamp, good or bad, total}",
            description = "Each point is the count of the minute containing its timestamp; a minute pushed again replaces "
                    + "the earlier count. The batch is stored whole or refused whole (400 naming every bad index).")
    PushResult push(@PathVariable String name, @RequestBody List<EventInput> body) {
        return events.push(name, body);
    }

    @GetMapping("/api/v1/slos/{name}/status")
    @Operation(summary = "SLI, error budget, burn rates by window, alerts, data state, time to exhaustion and policy state")
    SloReport status(@PathVariable String name) {
        return monitor.status(name);
    }

    @GetMapping(path = "/api/v1/slos/{name}/prometheus-rules", produces = YAML)
    @Operation(summary = "Generated Prometheus recording and alerting rules for the SLO",
            description = "SLOs on the built-in store have no Prometheus queries: 409.")
    ResponseEntity<String> rules(@PathVariable String name) {
        Slo slo = slos.get(name);
        if (slo.builtIn()) {
            throw new ConflictException("SLO '" + name + "' reads Tandem's built-in store: Prometheus rules need Prometheus"
                    + " queries (a metric source of type Prometheus with spec.query)");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + name + "-rules.yaml")
                .contentType(MediaType.parseMediaType(YAML))
                .body(PrometheusRules.generate(slo.definition()));
    }

    /** A budget policy as the API takes it: thresholds as fractions of the budget, and actions per state. */
    record PolicyInput(Double atRiskBelow, Double exhaustedAtOrBelow, Map<BudgetState, String> actions, Integer version) {
    }

    @PutMapping("/api/v1/slos/{name}/policy")
    @Operation(summary = "Set the SLO's own error-budget policy (thresholds and agreed actions)")
    ResponseEntity<Slo> setPolicy(@PathVariable String name, @RequestBody PolicyInput body,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versions.Expected expected = Versions.expected(ifMatch, body.version());
        Slo slo = slos.setPolicy(name, Slos.policyOf(body.atRiskBelow(), body.exhaustedAtOrBelow(), body.actions()),
                expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(slo.version())).body(slo);
    }

    @DeleteMapping("/api/v1/slos/{name}/policy")
    @Operation(summary = "Remove the SLO's own policy: the readiness level's default applies again")
    ResponseEntity<Slo> clearPolicy(@PathVariable String name, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @RequestParam(required = false) Integer version) {
        Versions.Expected expected = Versions.expected(ifMatch, version);
        Slo slo = slos.setPolicy(name, null, expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(slo.version())).body(slo);
    }
}
