package dev.tandem.catalog.web;

import dev.tandem.catalog.People;
import dev.tandem.catalog.Person;
import dev.tandem.catalog.PersonDraft;
import dev.tandem.catalog.PersonRole;
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
@RequestMapping("/api/v1/people")
@Tag(name = "People")
class PeopleApi {

    private final People people;

    PeopleApi(People people) {
        this.people = people;
    }

    @GetMapping
    PageResponse<Person> list(@RequestParam(required = false) String q, @RequestParam(required = false) PersonRole role,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) String sort) {
        return PageResponse.of(people.list(q, role, PageRequest.of(page, size, sort)));
    }

    @GetMapping("/{name}")
    ResponseEntity<Person> get(@PathVariable String name) {
        Person person = people.get(name);
        return ResponseEntity.ok().eTag(Versions.etag(person.version())).body(person);
    }

    @PostMapping
    ResponseEntity<Person> create(@Valid @RequestBody PersonDraft draft) {
        Person person = people.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.name())).eTag(Versions.etag(person.version())).body(person);
    }

    @PutMapping("/{name}")
    ResponseEntity<Person> update(@PathVariable String name, @Valid @RequestBody PersonDraft draft,
                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versions.Expected expected = Versions.expected(ifMatch, draft.version());
        Person person = people.update(name, draft, expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(person.version())).body(person);
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        people.delete(name, Versions.optional(ifMatch));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
