package dev.tandem.catalog.web;

import dev.tandem.catalog.CatalogSystem;
import dev.tandem.catalog.SystemDraft;
import dev.tandem.catalog.Systems;
import dev.tandem.shared.PageRequest;
import dev.tandem.web.PageResponse;
import dev.tandem.web.Versions;
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
@RequestMapping("/api/v1/systems")
@Tag(name = "Systems")
class SystemsApi {

    private final Systems systems;

    SystemsApi(Systems systems) {
        this.systems = systems;
    }

    @GetMapping
    PageResponse<CatalogSystem> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return PageResponse.of(systems.list(q, PageRequest.of(page, size, sort)));
    }

    @GetMapping("/{name}")
    ResponseEntity<CatalogSystem> get(@PathVariable String name) {
        CatalogSystem system = systems.get(name);
        return ResponseEntity.ok().eTag(Versions.etag(system.version())).body(system);
    }

    @PostMapping
    ResponseEntity<CatalogSystem> create(@Valid @RequestBody SystemDraft draft) {
        CatalogSystem system = systems.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/systems/" + system.name())).eTag(Versions.etag(system.version())).body(system);
    }

    @PutMapping("/{name}")
    ResponseEntity<CatalogSystem> update(@PathVariable String name, @Valid @RequestBody SystemDraft draft,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versions.Expected expected = Versions.expected(ifMatch, draft.version());
        CatalogSystem system = systems.update(name, draft, expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(system.version())).body(system);
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        systems.delete(name, Versions.optional(ifMatch));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
