package dev.tandem.slo.web;

import dev.tandem.slo.Reports;
import org.springframework.web.util.HtmlUtils;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * An SLO's window drawn on the server as SVG line charts: the error-budget burn-down (the budget left as
 * the window went by, with the policy's thresholds as dashed lines) and the SLI per step against the
 * objective. No script is needed and the picture prints. Every piece of text is escaped.
 */
final class SloCharts {

    private static final int W = 640;
    private static final int H = 220;
    private static final int PAD = 44;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private SloCharts() {
    }

    record Line(double value, String label, String colour) {
    }

    static String burnDown(String slo, List<Reports.HistoryPoint> points, double atRiskBelow, double exhaustedAtOrBelow) {
        return chart("burn-down", "Error budget left over the window of " + slo, points, Reports.HistoryPoint::remaining,
                List.of(new Line(atRiskBelow, "at risk", "#c9a227"), new Line(exhaustedAtOrBelow, "exhausted", "#c0392b")),
                true);
    }

    static String sli(String slo, List<Reports.HistoryPoint> points, double objective) {
        return chart("sli", "SLI per step over the window of " + slo, points, Reports.HistoryPoint::sli,
                List.of(new Line(objective, "objective", "#c0392b")), false);
    }

    private static String chart(String id, String title, List<Reports.HistoryPoint> points,
                                Function<Reports.HistoryPoint, Double> value, List<Line> lines, boolean percentOfBudget) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int withData = 0;
        for (Reports.HistoryPoint p : points) {
            Double v = value.apply(p);
            if (v != null && Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                withData++;
            }
        }
        if (withData == 0) {
            return "<p class=\"muted\">No data in the window yet.</p>";
        }
        for (Line l : lines) {
            min = Math.min(min, l.value());
            max = Math.max(max, l.value());
        }
        if (percentOfBudget) {
            max = Math.max(max, 1);
        }
        if (max - min < 1e-9) {
            max = min + 1e-3;
        }
        double pad = (max - min) * 0.05;
        double lo = min - pad;
        double hi = max + pad;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\"><title id=\"").append(id)
                .append("-title\">").append(HtmlUtils.htmlEscape(title)).append("</title>");
        svg.append("<line x1=\"").append(PAD).append("\" y1=\"").append(H - PAD).append("\" x2=\"").append(W - 8)
                .append("\" y2=\"").append(H - PAD).append("\" stroke=\"#999\"/>");
        // the axis says the highest and lowest values drawn, where they are drawn
        svg.append("<text x=\"2\" y=\"").append(Math.round(y(max, lo, hi)) + 4).append("\" font-size=\"11\">").append(format(max, percentOfBudget)).append("</text>");
        svg.append("<text x=\"2\" y=\"").append(Math.round(y(min, lo, hi)) + 4).append("\" font-size=\"11\">").append(format(min, percentOfBudget)).append("</text>");
        for (Line l : lines) {
            long y = Math.round(y(l.value(), lo, hi));
            svg.append("<line x1=\"").append(PAD).append("\" y1=\"").append(y).append("\" x2=\"").append(W - 8).append("\" y2=\"")
                    .append(y).append("\" stroke=\"").append(l.colour()).append("\" stroke-dasharray=\"4 3\"><title>")
                    .append(HtmlUtils.htmlEscape(l.label() + ": " + format(l.value(), percentOfBudget))).append("</title></line>");
        }
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < points.size(); i++) {
            Double v = value.apply(points.get(i));
            if (v == null || !Double.isFinite(v)) {
                pen = false;
                continue;
            }
            double x = PAD + (points.size() == 1 ? 0 : (W - PAD - 8) * (double) i / (points.size() - 1));
            path.append(pen ? " L" : (path.length() == 0 ? "M" : " M")).append(Math.round(x)).append(',').append(Math.round(y(v, lo, hi)));
            pen = true;
        }
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#3b5ba5\" stroke-width=\"2\"/>");
        svg.append("<text x=\"").append(PAD).append("\" y=\"").append(H - 12).append("\" font-size=\"11\">")
                .append(DAY.format(points.get(0).at())).append("</text>");
        svg.append("<text x=\"").append(W - 110).append("\" y=\"").append(H - 12).append("\" font-size=\"11\">")
                .append(DAY.format(points.get(points.size() - 1).at())).append("</text></svg>");
        StringBuilder legend = new StringBuilder("<p class=\"legend\"><span style=\"--swatch:#3b5ba5\">")
                .append(percentOfBudget ? "budget left" : "SLI").append("</span>");
        for (Line l : lines) {
            legend.append("<span style=\"--swatch:").append(l.colour()).append("\">").append(HtmlUtils.htmlEscape(l.label()))
                    .append(" (").append(format(l.value(), percentOfBudget)).append(")</span>");
        }
        return svg + legend.append("</p>").toString();
    }

    private static double y(double v, double lo, double hi) {
        return (H - PAD) - (H - PAD - 20) * (v - lo) / (hi - lo);
    }

    static String format(double v, boolean percentOfBudget) {
        return percentOfBudget ? Math.round(v * 100) + " %" : String.format(java.util.Locale.ROOT, "%.3f %%", v * 100);
    }
}
