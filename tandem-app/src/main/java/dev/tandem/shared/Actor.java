package dev.tandem.shared;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.Supplier;

/**
 * Who is making a change: read from the security context so that audit and authorization need not be
 * threaded through every call. Work that no person starts (start-up, the command line) runs as
 * {@link #system()}.
 */
public record Actor(String username, Role role) {

    public static final String SYSTEM = "tandem";

    public static Actor system() {
        return new Actor(SYSTEM, Role.ADMIN);
    }

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("sign in first");
        }
        Role role = Role.VIEWER;
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    role = Role.valueOf(name.substring(5));
                    break;
                } catch (IllegalArgumentException ignored) {
                    // not one of ours
                }
            }
        }
        return new Actor(auth.getName(), role);
    }

    public static <T> T runAs(Actor actor, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor.username(), null,
                List.of(new SimpleGrantedAuthority(actor.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
