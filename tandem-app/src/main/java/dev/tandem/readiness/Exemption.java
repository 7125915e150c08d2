package dev.tandem.readiness;

import java.time.Instant;

/** A service excused from one check, for a reason, by an approver, until a date. */
public record Exemption(long id, String service, String checkId, String reason, String approver, Instant expiresAt,
                        Instant createdAt) {

    public boolean active(Instant now) {
        return expiresAt.isAfter(now);
    }
}
