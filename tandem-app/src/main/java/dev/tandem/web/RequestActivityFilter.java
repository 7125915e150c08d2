package dev.tandem.web;

import dev.tandem.shared.RequestActivity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Tells {@link RequestActivity} when a request starts and ends, so background work can give way to it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestActivityFilter extends OncePerRequestFilter {

    private final RequestActivity activity;

    RequestActivityFilter(RequestActivity activity) {
        this.activity = activity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith("/actuator/", context.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        activity.started();
        try {
            chain.doFilter(request, response);
        } finally {
            activity.ended();
        }
    }
}
