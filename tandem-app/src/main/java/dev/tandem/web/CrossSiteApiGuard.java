package dev.tandem.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * The API has no CSRF tokens (it keeps no session), so a change that a browser sends on behalf of
 * another site is refused: browsers label such requests {@code Sec-Fetch-Site: cross-site}. Scripts
 * and CI tools send no such header and are not affected.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class CrossSiteApiGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || SAFE.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            response.setStatus(403);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"the API does not accept changes sent by a browser on behalf of another site\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
