package dev.tandem.web;

import dev.tandem.shared.ConflictException;
import dev.tandem.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Domain exceptions on pages become an error page with the domain's own message and a way back.
 * {@code @RestController}s are {@code @Controller}s too, so this advice ranks below the API's: an API
 * call keeps getting problem details.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final Dates dates;

    PageErrors(Dates dates) {
        this.dates = dates;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        return page(404, e.getMessage(), model, request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        return page(403, e.getMessage(), model, request, response);
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        return page(409, e.getMessage(), model, request, response);
    }

    private String page(int status, String message, Model model, HttpServletRequest request,
                               HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("viewer", Viewer.current());
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("section", dev.tandem.web.Navigation.section(request));
        model.addAttribute("dates", dates);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        model.addAttribute("back", back(request));
        return "error/" + status;
    }

    /** The page the user came from, if it is one of ours; never an address from elsewhere. */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
