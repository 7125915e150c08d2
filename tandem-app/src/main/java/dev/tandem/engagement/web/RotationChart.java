package dev.tandem.engagement.web;

import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Timeline;
import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The rotation timeline drawn on the server as SVG: one row per SRE, a bar per engagement coloured by
 * state, month ticks and a line for today. It has a title and a description for screen readers, and the
 * page carries the same facts as a table. Every piece of text is escaped.
 */
final class RotationChart {

    static final int W = 900;
    static final int LABEL = 170;
    static final int HEAD = 28;
    static final int ROW = 30;
    static final int BAR = 18;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

    private RotationChart() {
    }

    static String colour(EngagementState state) {
        return switch (state) {
            case ACCEPTED -> "#8fa3cf";
            case LEARNING -> "#3b5ba5";
            case SHARING_CONTEXT -> "#2e7d6b";
            case DRIVING_CHANGE -> "#6a4c93";
            case EXITING -> "#b8860b";
            case COMPLETED -> "#8a8a8a";
            default -> "#c0392b";
        };
    }

    static String draw(Timeline t) {
        if (t.rows().isEmpty()) {
            return "<p class=\"empty\">Nobody is on the roster yet: people with role SRE in the catalog appear here.</p>";
        }
        long span = ChronoUnit.DAYS.between(t.from(), t.to()) + 1;
        int height = HEAD + t.rows().size() * ROW + 8;
        int bars = t.rows().stream().mapToInt(r -> r.bars().size()).sum();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"rotation-title rotation-desc\">")
                .append("<title id=\"rotation-title\">Rotation timeline from ").append(t.from()).append(" to ").append(t.to())
                .append("</title><desc id=\"rotation-desc\">").append(t.rows().size()).append(" SREs, ").append(bars)
                .append(" engagements; today is ").append(t.today())
                .append(". The table below the chart lists the same engagements.</desc>");
        // month ticks
        for (LocalDate m = t.from().withDayOfMonth(1); !m.isAfter(t.to()); m = m.plusMonths(1)) {
            if (m.isBefore(t.from())) {
                continue;
            }
            long x = x(t, m, span);
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(HEAD - 6).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - 4).append("\" stroke=\"#ddd\"/>");
            svg.append("<text x=\"").append(x + 3).append("\" y=\"").append(HEAD - 10).append("\" font-size=\"11\">")
                    .append(MONTH.format(m)).append(m.getMonthValue() == 1 || m.equals(t.from()) ? " " + m.getYear() : "")
                    .append("</text>");
        }
        int i = 0;
        for (Timeline.Row row : t.rows()) {
            int y = HEAD + i * ROW;
            svg.append("<text x=\"4\" y=\"").append(y + BAR - 4).append("\" font-size=\"12\">")
                    .append(HtmlUtils.htmlEscape(shorten(row.label(), 24))).append("<title>")
                    .append(HtmlUtils.htmlEscape(row.label() + " (" + row.person() + ")")).append("</title></text>");
            for (Timeline.Bar b : row.bars()) {
                LocalDate start = b.start().isBefore(t.from()) ? t.from() : b.start();
                LocalDate end = b.end() == null || b.end().isAfter(t.to()) ? t.to() : b.end();
                long x1 = x(t, start, span);
                long x2 = Math.max(x1 + 2, x(t, end.plusDays(1), span));
                svg.append("<rect class=\"bar\" x=\"").append(x1).append("\" y=\"").append(y + 2).append("\" width=\"")
                        .append(x2 - x1).append("\" height=\"").append(BAR).append("\" rx=\"3\" fill=\"")
                        .append(colour(b.state())).append('"')
                        .append(b.end() == null ? " stroke=\"#333\" stroke-dasharray=\"3 2\"" : "").append("><title>")
                        .append(HtmlUtils.htmlEscape("#" + b.engagement() + " " + b.title() + " (team " + b.team() + "), "
                                + b.state().label() + ", " + b.sharePercent() + " %, " + b.start() + " to "
                                + (b.end() == null ? "no planned end" : b.end())))
                        .append("</title></rect>");
                String text = b.team();
                if ((x2 - x1) > text.length() * 7L + 8) {
                    svg.append("<text x=\"").append(x1 + 4).append("\" y=\"").append(y + BAR - 3)
                            .append("\" font-size=\"11\" fill=\"#fff\">").append(HtmlUtils.htmlEscape(text)).append("</text>");
                }
            }
            i++;
        }
        if (!t.today().isBefore(t.from()) && !t.today().isAfter(t.to())) {
            long x = x(t, t.today(), span);
            svg.append("<line class=\"today\" x1=\"").append(x).append("\" y1=\"").append(HEAD - 6).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - 4).append("\" stroke=\"#c0392b\" stroke-width=\"2\"><title>today, ")
                    .append(t.today()).append("</title></line>");
        }
        svg.append("</svg>");
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (EngagementState s : new EngagementState[] {EngagementState.ACCEPTED, EngagementState.LEARNING,
                EngagementState.SHARING_CONTEXT, EngagementState.DRIVING_CHANGE, EngagementState.EXITING,
                EngagementState.COMPLETED}) {
            legend.append("<span style=\"--swatch:").append(colour(s)).append("\">").append(HtmlUtils.htmlEscape(s.label()))
                    .append("</span>");
        }
        legend.append("<span style=\"--swatch:#c0392b\">today</span><span>dashed outline: no planned end</span></p>");
        return svg + legend.toString();
    }

    private static long x(Timeline t, LocalDate d, long span) {
        long days = ChronoUnit.DAYS.between(t.from(), d);
        return LABEL + Math.round((W - LABEL - 10) * (double) days / span);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
