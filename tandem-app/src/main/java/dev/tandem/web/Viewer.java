package dev.tandem.web;

import dev.tandem.shared.Actor;
import dev.tandem.shared.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as the layout sees it. Pages use it only to hide controls a user could not use;
 * the domain components enforce the rules themselves.
 */
public record Viewer(String username, Role role) {

    /** The signed-in user, or null for an anonymous visitor (the sign-in page, an error before sign-in). */
    public static Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Actor actor = Actor.current();
        return new Viewer(actor.username(), actor.role());
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** SREs and admins curate the whole catalog (people, teams). */
    public boolean curator() {
        return role.changesAnyTeam();
    }

    /** Anyone but a viewer may create services: members for the teams they belong to. */
    public boolean editor() {
        return role != Role.VIEWER;
    }

    /** Viewers change nothing; everyone else may at least try, and the domain decides per team. */
    public static void requireEditor() {
        Viewer viewer = current();
        if (viewer == null || !viewer.editor()) {
            throw new org.springframework.security.access.AccessDeniedException("viewers may not change anything");
        }
    }

    public String roleLabel() {
        return role == Role.SRE ? "SRE" : role.name().charAt(0) + role.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
