package dev.tandem.accounts;

import java.time.Instant;

/** A named API token as listed to admins: its prefix identifies it, the secret itself is never stored. */
public record ApiToken(long id, String username, String name, String prefix, Instant createdAt, String createdBy,
                       Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
