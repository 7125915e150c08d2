package dev.tandem.catalog.web;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.ServiceSummary;
import dev.tandem.web.Html;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the services table, written in Java. A page of 50 rows holds about a thousand template
 * expressions, and evaluating them was four fifths of the page's cost (docs/performance.md); here every
 * value still goes through HTML escaping, and every path segment and query value through URL encoding
 * first (a tag such as {@code c++} must not arrive as {@code c  }).
 */
final class ServiceRowsHtml {


    private ServiceRowsHtml() {
    }

    static String render(List<ServiceSummary> services, String contextPath) {
        StringBuilder html = new StringBuilder(services.size() * 700);
        for (ServiceSummary s : services) {
            html.append("<tr><td>");
            link(html, contextPath, "/services/", segment(s.name()), null, s.name());
            if (s.title() != null && !s.title().isEmpty()) {
                html.append("<div class=\"muted\">");
                Html.escape(html, s.title());
                html.append("</div>");
            }
            html.append("</td><td>");
            link(html, contextPath, "/teams/", segment(s.owner()), null, s.owner());
            ReadinessLevel level = s.readinessLevel();
            html.append("</td><td><span class=\"badge level-").append(level.name().toLowerCase(Locale.ROOT))
                    .append("\" title=\"");
            Html.escape(html, level.label() + ": " + level.slo());
            html.append("\">").append(level.name()).append("</span></td><td>");
            if (s.lifecycle() != null) {
                html.append("<span class=\"badge lifecycle lifecycle-");
                Html.escape(html, s.lifecycle());
                html.append("\">");
                Html.escape(html, s.lifecycle());
                html.append("</span>");
            }
            html.append("</td><td class=\"num\">").append(s.tier() == null ? "" : s.tier()).append("</td><td>");
            if (s.system() != null) {
                link(html, contextPath, "/systems/", segment(s.system()), null, s.system());
            }
            html.append("</td><td>");
            for (String tag : s.tags()) {
                link(html, contextPath, "/services?tag=", java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8), "tag", tag);
            }
            html.append("</td><td class=\"nowrap\">").append(s.updatedAt() == null ? "" : date(s.updatedAt()))
                    .append("</td></tr>\n");
        }
        return html.toString();
    }

    /** An anchor to {@code contextPath + path + encoded}, where {@code encoded} is already URL-encoded. */
    private static void link(StringBuilder html, String contextPath, String path, String encoded, String cssClass,
                             String label) {
        html.append("<a");
        if (cssClass != null) {
            html.append(" class=\"").append(cssClass).append('"');
        }
        html.append(" href=\"");
        Html.escape(html, contextPath);
        html.append(path);
        Html.escape(html, encoded);
        html.append("\">");
        Html.escape(html, label);
        html.append("</a>");
    }

    /** The day in UTC as yyyy-MM-dd; {@code LocalDate.toString} is that format, a formatter is slower. */
    static String date(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** A path segment, URL-encoded; names within Backstage's rules are returned as they are. */
    static String segment(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
            }
        }
        return value;
    }
}
