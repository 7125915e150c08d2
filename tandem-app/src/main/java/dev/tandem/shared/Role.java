package dev.tandem.shared;

/**
 * What a signed-in user may do. Admins manage users and tokens; SREs change any catalog record;
 * members change their own teams' records; viewers only read.
 */
public enum Role {
    ADMIN, SRE, MEMBER, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean changesAnyTeam() {
        return this == ADMIN || this == SRE;
    }

    public static Role parse(String text) {
        try {
            return Role.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException("role", "unknown role '" + text + "'; use one of admin, sre, member, viewer");
        }
    }
}
