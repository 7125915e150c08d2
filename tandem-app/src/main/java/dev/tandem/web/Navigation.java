package dev.tandem.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which entry of the main navigation a request belongs to, so the layout marks it as the current page.
 * Decided once per request here rather than by a dozen path comparisons in the layout.
 */
public final class Navigation {

    private Navigation() {
    }

    /** The section of the request's path (without the context path): "home", "services", … or "" for none. */
    public static String section(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return section(path);
    }

    static String section(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return "home";
        }
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(1) : path.substring(1, end);
        int parameters = first.indexOf(';'); // a path parameter such as ;jsessionid=…
        if (parameters >= 0) {
            first = first.substring(0, parameters);
        }
        return switch (first) {
            case "engagements", "rotation", "roster", "surveys", "maturity", "program" -> "engagements";
            case "readiness", "scorecards" -> "readiness";
            case "services", "slos", "teams", "people", "systems", "catalog", "admin" -> first;
            default -> "";
        };
    }
}
