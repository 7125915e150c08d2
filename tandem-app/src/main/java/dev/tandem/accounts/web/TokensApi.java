package dev.tandem.accounts.web;

import dev.tandem.accounts.ApiToken;
import dev.tandem.accounts.ApiTokens;
import dev.tandem.accounts.IssuedToken;
import dev.tandem.shared.PageRequest;
import dev.tandem.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class TokensApi {

    private final ApiTokens tokens;

    TokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(String name, String username, Instant expiresAt) {
    }

    /** The secret appears in this answer only. */
    record TokenResponse(ApiToken details, String token) {
        static TokenResponse of(IssuedToken issued) {
            return new TokenResponse(issued.details(), issued.token());
        }
    }

    @GetMapping
    PageResponse<ApiToken> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(tokens.list(PageRequest.of(page, size, null)));
    }

    @PostMapping
    @Operation(summary = "Issue a named token for a user", description = "The answer holds the secret; it is shown once and stored only as a hash.")
    ResponseEntity<TokenResponse> issue(@RequestBody TokenRequest request) {
        IssuedToken issued = tokens.issue(request.username(), request.name(), request.expiresAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(TokenResponse.of(issued));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token; it stops working at once")
    ApiToken revoke(@PathVariable long id) {
        return tokens.revoke(id);
    }
}
