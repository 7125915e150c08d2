package dev.tandem.accounts;

import dev.tandem.shared.Role;

import java.time.Instant;

/** A local account as others see it. The password hash never leaves the module. */
public record User(long id, String username, String displayName, String email, Role role, boolean enabled,
                   Instant createdAt, Instant updatedAt, int version) {
}
