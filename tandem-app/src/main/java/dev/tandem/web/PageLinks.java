package dev.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links that keep the current filters: the pagination and sortable-header fragments call it as
 * {@code pageLinks} (a model attribute). A list page's state lives entirely in its query string, so copying the query and
 * replacing one parameter is enough to move between pages or change the order.
 */
@Component
public class PageLinks {

    /** The current list at another page (0-based). */
    public String page(int page) {
        return current().replaceQueryParam("page", page).build().toUriString();
    }

    /** The current list sorted by {@code field}; a second click on the sorted column reverses it. */
    public String sort(String field, String currentSort) {
        String next = field + ("ascending".equals(state(field, currentSort)) ? ",desc" : ",asc");
        return current().replaceQueryParam("sort", next).replaceQueryParam("page").build().toUriString();
    }

    /** The value of {@code aria-sort} for a column: ascending, descending or none. */
    public String state(String field, String currentSort) {
        if (currentSort == null || currentSort.isBlank()) {
            return "none";
        }
        String sort = currentSort.trim();
        boolean desc = sort.startsWith("-") || sort.endsWith(",desc");
        String name = sort.startsWith("-") ? sort.substring(1) : sort;
        int comma = name.indexOf(',');
        if (comma >= 0) {
            name = name.substring(0, comma);
        }
        if (!name.equals(field)) {
            return "none";
        }
        return desc ? "descending" : "ascending";
    }

    /**
     * An address typed or imported by a user, fit for an {@code href} only if it is http(s): anything
     * else (a {@code javascript:} URL above all) yields null, and the link is rendered without it.
     */
    public String external(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? u : null;
    }

    /** The request's address, parsed once per request: a list page asks for a dozen links. */
    private static UriComponentsBuilder current() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        UriComponentsBuilder parsed = (UriComponentsBuilder) request.getAttribute(PARSED);
        if (parsed == null) {
            String query = request.getQueryString();
            // the query string arrives encoded; parse it as such so it is not encoded twice
            parsed = UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query));
            request.setAttribute(PARSED, parsed);
        }
        return parsed.cloneBuilder();
    }

    private static final String PARSED = PageLinks.class.getName() + ".parsed";
}
