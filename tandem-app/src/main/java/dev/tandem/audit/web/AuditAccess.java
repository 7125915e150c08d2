package dev.tandem.audit.web;

import dev.tandem.shared.Actor;
import dev.tandem.shared.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Only admins browse the audit log. Checked on the role alone, so that the audit module does not
 * depend on accounts (which writes to the audit log).
 */
final class AuditAccess {

    private AuditAccess() {
    }

    static void requireAdmin() {
        if (Actor.current().role() != Role.ADMIN) {
            throw new AccessDeniedException("only admins may browse the audit log");
        }
    }
}
