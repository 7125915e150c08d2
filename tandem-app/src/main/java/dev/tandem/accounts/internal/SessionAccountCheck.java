package dev.tandem.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A page session holds the role its user had at sign-in. When an admin changes that user's role,
 * disables or deletes them, the session must not keep the old rights: every page request compares the
 * session with the stored account (one indexed query) and ends the session when they differ.
 */
@Component
class SessionAccountCheck extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    SessionAccountCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Account(String role, boolean enabled) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            Optional<Account> account = jdbc.sql("select role, enabled from users where username = ?")
                    .param(auth.getName())
                    .query((rs, n) -> new Account(rs.getString(1), rs.getBoolean(2)))
                    .optional();
            String sessionRole = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).findFirst().orElse("");
            if (account.isEmpty() || !account.get().enabled() || !sessionRole.equals("ROLE_" + account.get().role())) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?changed");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
