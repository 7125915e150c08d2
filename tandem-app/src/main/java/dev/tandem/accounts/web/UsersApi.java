package dev.tandem.accounts.web;

import dev.tandem.accounts.User;
import dev.tandem.accounts.UserDraft;
import dev.tandem.accounts.Users;
import dev.tandem.shared.Actor;
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
@RequestMapping("/api/v1")
@Tag(name = "Users")
class UsersApi {

    private final Users users;

    UsersApi(Users users) {
        this.users = users;
    }

    @GetMapping("/me")
    @Operation(summary = "Who the caller is, and their role")
    Actor me() {
        return Actor.current();
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PutMapping("/me/password")
    @Operation(summary = "Change your own password", description = "Send the current password and the new one (12 characters at least).")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
        users.changeOwnPassword(change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users")
    PageResponse<User> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return PageResponse.of(users.list(q, PageRequest.of(page, size, sort)));
    }

    @GetMapping("/users/{username}")
    ResponseEntity<User> get(@PathVariable String username) {
        users.list(null, PageRequest.of(0, 1, null));
        User user = users.get(username);
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @PostMapping("/users")
    ResponseEntity<User> create(@Valid @RequestBody UserDraft draft) {
        User user = users.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).eTag(Versions.etag(user.version())).body(user);
    }

    @PutMapping("/users/{username}")
    ResponseEntity<User> update(@PathVariable String username, @Valid @RequestBody UserDraft draft,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versions.Expected expected = Versions.expected(ifMatch, draft.version());
        User user = users.update(username, draft, expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @DeleteMapping("/users/{username}")
    ResponseEntity<Void> delete(@PathVariable String username) {
        users.delete(username);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
