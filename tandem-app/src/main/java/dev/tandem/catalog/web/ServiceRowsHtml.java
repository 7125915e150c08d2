package dev.tandem.catalog.web;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.ServiceSummary;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the services table, written in Java. A page of 50 rows holds about a thousand template
 * expressions, and evaluating them was four fifths of the page's cost (docs/performance.md); here every
 * value still goes through HTML escaping, and every path segment and query value through URL encoding
 * first (a tag such as {@code c++} must not arrive as {@code c  }).
 */
final class ServiceRowsHtml {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private ServiceRowsHtml() {
    }

    static String render(List<ServiceSummary> services, String contextPath) {
        StringBuilder html = new StringBuilder(services.size() * 700);
        for (ServiceSummary s : services) {
            html.append("<tr><td>");
            link(html, contextPath + "/services/" + segment(s.name()), null, s.name());
            if (s.title() != null && !s.title().isEmpty()) {
                html.append("<div class=\"muted\">").append(text(s.title())).append("</div>");
            }
            html.append("</td><td>");
            link(html, contextPath + "/teams/" + segment(s.owner()), null, s.owner());
            ReadinessLevel level = s.readinessLevel();
            html.append("</td><td><span class=\"badge level-").append(level.name().toLowerCase(Locale.ROOT))
                    .append("\" title=\"").append(text(level.label() + ": " + level.slo())).append("\">")
                    .append(level.name()).append("</span></td><td>");
            if (s.lifecycle() != null) {
                html.append("<span class=\"badge lifecycle lifecycle-").append(text(s.lifecycle())).append("\">")
                        .append(text(s.lifecycle())).append("</span>");
            }
            html.append("</td><td class=\"num\">").append(s.tier() == null ? "" : s.tier()).append("</td><td>");
            if (s.system() != null) {
                link(html, contextPath + "/systems/" + segment(s.system()), null, s.system());
            }
            html.append("</td><td>");
            for (String tag : s.tags()) {
                link(html, contextPath + "/services?tag=" + java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8), "tag", tag);
            }
            html.append("</td><td class=\"nowrap\">").append(s.updatedAt() == null ? "" : DATE.format(s.updatedAt()))
                    .append("</td></tr>\n");
        }
        return html.toString();
    }

    private static void link(StringBuilder html, String href, String cssClass, String label) {
        html.append("<a");
        if (cssClass != null) {
            html.append(" class=\"").append(cssClass).append('"');
        }
        html.append(" href=\"").append(text(href)).append("\">").append(text(label)).append("</a>");
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    private static String text(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
