package dev.tandem.readiness;

import java.time.Instant;

/**
 * Something known about a service, with where it came from and when. A fact named after a check carries
 * that check's outcome; other facts carry a value (a number, text or yes/no) that scorecard rules compare.
 * A fact past {@code expiresAt} no longer answers anything.
 */
public record Fact(String key, CheckStatus outcome, Object value, String details, String source, Instant collectedAt,
                   Instant expiresAt) {

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
