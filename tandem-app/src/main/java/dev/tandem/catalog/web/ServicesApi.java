package dev.tandem.catalog.web;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.ServiceDraft;
import dev.tandem.catalog.ServiceQuery;
import dev.tandem.catalog.ServiceSummary;
import dev.tandem.catalog.Services;
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
import java.util.List;

@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Services")
class ServicesApi {

    private final Services services;

    ServicesApi(Services services) {
        this.services = services;
    }

    /** The service with what depends on it, which the stored record does not carry. */
    record ServiceDetail(Service service, List<ServiceSummary> dependents) {
    }

    @GetMapping
    @Operation(summary = "List services", description = "Filter by q (name, title, description), owner, level, lifecycle, tag, system. "
            + "Sort by name, title, owner, level, lifecycle, tier, system or updated; prefix with - or add ,desc to reverse.")
    PageResponse<ServiceSummary> list(@RequestParam(required = false) String q, @RequestParam(required = false) String owner,
                                      @RequestParam(required = false) ReadinessLevel level,
                                      @RequestParam(required = false) String lifecycle, @RequestParam(required = false) String tag,
                                      @RequestParam(required = false) String system,
                                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                      @RequestParam(required = false) String sort) {
        return PageResponse.of(services.list(new ServiceQuery(q, owner, level, lifecycle, tag, system),
                PageRequest.of(page, size, sort)));
    }

    @GetMapping("/{name}")
    ResponseEntity<Service> get(@PathVariable String name) {
        Service service = services.get(name);
        return ResponseEntity.ok().eTag(Versions.etag(service.version())).body(service);
    }

    @GetMapping("/{name}/dependents")
    @Operation(summary = "The services that depend on this one")
    List<ServiceSummary> dependents(@PathVariable String name) {
        services.get(name);
        return services.dependents(name);
    }

    @PostMapping
    ResponseEntity<Service> create(@Valid @RequestBody ServiceDraft draft) {
        Service service = services.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/services/" + service.name()))
                .eTag(Versions.etag(service.version())).body(service);
    }

    @PutMapping("/{name}")
    ResponseEntity<Service> update(@PathVariable String name, @Valid @RequestBody ServiceDraft draft,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versions.Expected expected = Versions.expected(ifMatch, draft.version());
        Service service = services.update(name, draft, expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(service.version())).body(service);
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        services.delete(name, Versions.optional(ifMatch));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
