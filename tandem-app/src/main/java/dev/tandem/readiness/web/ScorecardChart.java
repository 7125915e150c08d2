package dev.tandem.readiness.web;

import dev.tandem.readiness.Scorecard;
import dev.tandem.readiness.ScorecardHistoryPoint;
import org.springframework.web.util.HtmlUtils;

import java.util.List;

/**
 * Draws a scorecard's history as an SVG line chart on the server: one line per level, counting the
 * services at that level or above, so the lines never cross and progress reads as lines rising. No
 * script is needed and the picture prints.
 */
final class ScorecardChart {

    static final String[] COLOURS = {"#8c6d3f", "#7d8a96", "#c9a227", "#2f7d4f", "#3b5ba5", "#8e44ad", "#c0392b",
            "#16a085", "#d35400", "#2c3e50"};
    private static final int W = 640;
    private static final int H = 220;
    private static final int PAD = 36;

    private ScorecardChart() {
    }

    static String svg(Scorecard card, List<ScorecardHistoryPoint> points) {
        if (points.isEmpty()) {
            return "<p class=\"muted\">No history yet: the first point is written when the scorecard is evaluated.</p>";
        }
        int levels = card.levels().size();
        int max = 1;
        for (ScorecardHistoryPoint p : points) {
            max = Math.max(max, total(p.counts()));
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">")
                .append(HtmlUtils.htmlEscape("Services at each level of " + card.title() + " per day")).append("</title>");
        svg.append("<line x1=\"").append(PAD).append("\" y1=\"").append(H - PAD).append("\" x2=\"").append(W - 8)
                .append("\" y2=\"").append(H - PAD).append("\" stroke=\"#999\"/>");
        svg.append("<text x=\"4\" y=\"").append(PAD).append("\" font-size=\"11\">").append(max).append("</text>");
        svg.append("<text x=\"4\" y=\"").append(H - PAD).append("\" font-size=\"11\">0</text>");
        for (int level = 1; level <= levels; level++) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                int atOrAbove = 0;
                int[] c = points.get(i).counts();
                for (int r = level; r < c.length; r++) {
                    atOrAbove += c[r];
                }
                double x = PAD + (points.size() == 1 ? 0 : (W - PAD - 8) * (double) i / (points.size() - 1));
                double y = (H - PAD) - (H - 2 * PAD) * (double) atOrAbove / max;
                path.append(i == 0 ? "M" : " L").append(Math.round(x)).append(',').append(Math.round(y));
            }
            String colour = COLOURS[(level - 1) % COLOURS.length];
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"><title>").append(HtmlUtils.htmlEscape(card.levels().get(level - 1).name()
                            + " or above")).append("</title></path>");
        }
        svg.append("<text x=\"").append(PAD).append("\" y=\"").append(H - 12).append("\" font-size=\"11\">")
                .append(points.get(0).day()).append("</text>");
        svg.append("<text x=\"").append(W - 80).append("\" y=\"").append(H - 12).append("\" font-size=\"11\">")
                .append(points.get(points.size() - 1).day()).append("</text></svg>");
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (int level = 1; level <= levels; level++) {
            legend.append("<span style=\"--swatch:").append(COLOURS[(level - 1) % COLOURS.length]).append("\">")
                    .append(HtmlUtils.htmlEscape(card.levels().get(level - 1).name())).append(" or above</span>");
        }
        return svg + legend.append("</p>").toString();
    }

    private static int total(int[] counts) {
        int t = 0;
        for (int c : counts) {
            t += c;
        }
        return t;
    }
}
