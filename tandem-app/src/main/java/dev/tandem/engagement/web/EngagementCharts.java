package dev.tandem.engagement.web;

import dev.tandem.engagement.Assessment;
import dev.tandem.engagement.CriterionState;
import dev.tandem.engagement.CriterionStatus;
import dev.tandem.engagement.MaturityArea;
import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-drawn SVG for the criteria and maturity pages: a criterion's trend as a strip of one cell per
 * day, and the maturity before/after as grouped bars per area. Each has a text equivalent on the page.
 */
final class EngagementCharts {

    static final String BEFORE = "#7d8a96";
    static final String AFTER = "#2f7d4f";
    private static final int CELL = 10;

    private EngagementCharts() {
    }

    static String colour(CriterionState state) {
        return state == null ? "#ffffff" : switch (state) {
            case MET -> "#2f9e5b";
            case NOT_MET -> "#c0392b";
            case NO_DATA -> "#c9ccd1";
        };
    }

    /** The last {@code days} days ending today, one cell each; a day without an evaluation is left blank. */
    static String strip(String label, List<CriterionStatus.Day> trend, LocalDate today, int days) {
        Map<LocalDate, CriterionState> byDay = new HashMap<>();
        for (CriterionStatus.Day d : trend) {
            byDay.put(d.day(), d.state());
        }
        int w = days * (CELL + 2);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"")
                .append(w).append("\" height=\"").append(CELL + 4).append("\" viewBox=\"0 0 ").append(w).append(' ')
                .append(CELL + 4).append("\" role=\"img\" aria-label=\"")
                .append(HtmlUtils.htmlEscape(label + ": " + summary(trend, today, days))).append("\">");
        for (int i = 0; i < days; i++) {
            LocalDate day = today.minusDays(days - 1 - i);
            CriterionState s = byDay.get(day);
            svg.append("<rect x=\"").append(i * (CELL + 2)).append("\" y=\"2\" width=\"").append(CELL).append("\" height=\"")
                    .append(CELL).append("\" rx=\"2\" fill=\"").append(colour(s)).append("\" stroke=\"#c9ccd1\"><title>")
                    .append(day).append(": ").append(s == null ? "not evaluated" : s.label()).append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    /** "met 9 of the last 14 days" */
    static String summary(List<CriterionStatus.Day> trend, LocalDate today, int days) {
        LocalDate from = today.minusDays(days - 1);
        long met = trend.stream().filter(d -> !d.day().isBefore(from) && d.state() == CriterionState.MET).count();
        long known = trend.stream().filter(d -> !d.day().isBefore(from)).count();
        return "met on " + met + " of the last " + days + " days (" + known + " evaluated)";
    }

    /** Grouped bars per area: the first assessment and, if there is another, the latest. */
    static String beforeAfter(Assessment first, Assessment latest) {
        boolean two = latest != null && latest.id() != first.id();
        MaturityArea[] areas = MaturityArea.values();
        int rowH = 30;
        int left = 190;
        int barMax = 400;
        int h = areas.length * rowH + 40;
        int w = left + barMax + 40;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ')
                .append(h).append("\" role=\"img\" aria-labelledby=\"maturity-chart-title\"><title id=\"maturity-chart-title\">")
                .append(HtmlUtils.htmlEscape(two ? "Maturity per area: " + first.kind().label() + " (" + first.date()
                        + ") against " + latest.kind().label() + " (" + latest.date() + ")"
                        : "Maturity per area: " + first.kind().label() + " (" + first.date() + ")"))
                .append("</title>");
        for (int s = 1; s <= 5; s++) {
            int x = left + barMax * s / 5;
            svg.append("<line x1=\"").append(x).append("\" y1=\"4\" x2=\"").append(x).append("\" y2=\"").append(h - 30)
                    .append("\" stroke=\"#e3e5e8\"/><text x=\"").append(x - 3).append("\" y=\"").append(h - 16)
                    .append("\" font-size=\"11\">").append(s).append("</text>");
        }
        for (int i = 0; i < areas.length; i++) {
            MaturityArea area = areas[i];
            int y = 6 + i * rowH;
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">")
                    .append(HtmlUtils.htmlEscape(area.label())).append("</text>");
            bar(svg, left, y, barMax, first.score(area).orElse(0), BEFORE, area.label() + ", " + first.kind().label(), two ? 10 : 20);
            if (two) {
                bar(svg, left, y + 11, barMax, latest.score(area).orElse(0), AFTER, area.label() + ", " + latest.kind().label(), 10);
            }
        }
        svg.append("</svg>");
        StringBuilder legend = new StringBuilder("<p class=\"legend\"><span style=\"--swatch:").append(BEFORE).append("\">")
                .append(HtmlUtils.htmlEscape(first.kind().label() + " " + first.date())).append("</span>");
        if (two) {
            legend.append("<span style=\"--swatch:").append(AFTER).append("\">")
                    .append(HtmlUtils.htmlEscape(latest.kind().label() + " " + latest.date())).append("</span>");
        }
        return svg + legend.append("</p>").toString();
    }

    private static void bar(StringBuilder svg, int left, int y, int barMax, int score, String colour, String label, int height) {
        svg.append("<rect x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"").append(barMax * score / 5)
                .append("\" height=\"").append(height).append("\" fill=\"").append(colour).append("\"><title>")
                .append(HtmlUtils.htmlEscape(label + ": " + score)).append("</title></rect>");
    }
}
