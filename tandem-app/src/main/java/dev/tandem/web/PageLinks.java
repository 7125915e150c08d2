package dev.tandem.web;

import dev.tandem.shared.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links that keep the current filters: the pagination and sortable-header fragments call it as
 * {@code pageLinks} (a model attribute). A list page's state lives entirely in its query string, so copying the query and
 * replacing one parameter is enough to move between pages or change the order.
 */
@Component
public class PageLinks {

    /** The current list at another page (0-based). */
    public String page(int page) {
        return current().with("page", Integer.toString(page), null);
    }

    /** The inside of a list's pagination ({@link PaginationHtml}), with links that keep the current filters. */
    public String pagination(Page<?> page) {
        return PaginationHtml.render(page, this::page);
    }

    /**
     * The inside of a sortable column header: a link that sorts the list by {@code field}, the column's
     * {@code label} and a mark when the list is sorted by it. The header's {@code aria-sort} is {@link #state}.
     */
    public String sortLink(String label, String field, String currentSort) {
        String state = state(field, currentSort);
        StringBuilder html = new StringBuilder(160).append("<a href=\"");
        Html.escape(html, sort(field, currentSort));
        html.append("\" class=\"sort\"><span>");
        Html.escape(html, label);
        html.append("</span><span class=\"sort-mark\" aria-hidden=\"true\">")
                .append(switch (state) {
                    case "ascending" -> " ▲";
                    case "descending" -> " ▼";
                    default -> "";
                })
                .append("</span></a>");
        return html.toString();
    }

    /** The current list sorted by {@code field}; a second click on the sorted column reverses it. */
    public String sort(String field, String currentSort) {
        String next = field + ("ascending".equals(state(field, currentSort)) ? ",desc" : ",asc");
        return current().with("sort", next, "page");
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

    /** The request's path and query, split once per request: a list page asks for a dozen links. */
    private static Address current() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Address address = (Address) request.getAttribute(PARSED);
        if (address == null) {
            address = Address.of(request.getRequestURI(), request.getQueryString());
            request.setAttribute(PARSED, address);
        }
        return address;
    }

    private static final String PARSED = PageLinks.class.getName() + ".parsed";

    /**
     * A path and its query parameters as they arrived (still encoded, so nothing is encoded twice), grouped
     * by name in the order the names first appear. A link leaves out one or two parameters and adds one at
     * the end: what {@code UriComponentsBuilder.replaceQueryParam} did, without parsing and rebuilding the
     * whole address for every link (a list page has a dozen).
     */
    record Address(String path, Map<String, List<String>> pairs) {

        static Address of(String path, String query) {
            Map<String, List<String>> pairs = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (!pair.isEmpty()) {
                        int eq = pair.indexOf('=');
                        pairs.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>()).add(pair);
                    }
                }
            }
            return new Address(path, pairs);
        }

        String with(String name, String value, String drop) {
            StringBuilder link = new StringBuilder(path.length() + 64).append(path);
            char separator = '?';
            for (Map.Entry<String, List<String>> e : pairs.entrySet()) {
                if (!e.getKey().equals(name) && !e.getKey().equals(drop)) {
                    for (String pair : e.getValue()) {
                        link.append(separator).append(pair);
                        separator = '&';
                    }
                }
            }
            return link.append(separator).append(name).append('=').append(value).toString();
        }
    }
}
