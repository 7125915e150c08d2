package dev.tandem.cli;

import dev.tandem.shared.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pushed counts as the command reads them: a JSON array of {@code {"timestamp", "good" or "bad", "total"}}
 * (sent as it is; the server checks each point), or CSV lines {@code timestamp,good,total}, with an
 * optional header line naming the columns ({@code timestamp,bad,total} counts bad events instead), blank
 * lines and {@code #} comments skipped. CSV is turned into the JSON array, remembering each point's line
 * so that the server's verdict on point {@code [i]} can name the line.
 *
 * @param json  the body to send
 * @param lines the source line of each point (CSV), or null (JSON)
 */
record PushInput(String json, List<Integer> lines) {

    /** Bad input, with where it is. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static PushInput parse(String text) throws Invalid {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new Invalid("no points: give a JSON array of {\"timestamp\", \"good\" or \"bad\", \"total\"} or CSV lines timestamp,good,total");
        }
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            JsonNode node;
            try {
                node = Json.mapper().readTree(trimmed);
            } catch (RuntimeException e) {
                throw new Invalid("not valid JSON: " + firstLine(e.getMessage()));
            }
            if (!node.isArray()) {
                throw new Invalid("the JSON must be an array of points [{\"timestamp\": …, \"good\": …, \"total\": …}, …]");
            }
            return new PushInput(trimmed, null);
        }
        return csv(text);
    }

    private static PushInput csv(String text) throws Invalid {
        List<Map<String, Object>> points = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] rows = text.split("\\R", -1);
        String part = "good";
        boolean first = true;
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String[] cells = row.split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            if (first && cells.length > 0 && cells[0].equalsIgnoreCase("timestamp")) {
                first = false;
                if (cells.length != 3 || !cells[2].equalsIgnoreCase("total")
                        || !(cells[1].equalsIgnoreCase("good") || cells[1].equalsIgnoreCase("bad"))) {
                    throw new Invalid("line " + (i + 1) + ": the header must be timestamp,good,total or timestamp,bad,total");
                }
                part = cells[1].toLowerCase(Locale.ROOT);
                continue;
            }
            first = false;
            if (cells.length != 3) {
                throw new Invalid("line " + (i + 1) + ": expected timestamp," + part + ",total, got " + cells.length + " field(s)");
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("timestamp", cells[0]);
            point.put(part, count(cells[1], part, i + 1));
            point.put("total", count(cells[2], "total", i + 1));
            points.add(point);
            lines.add(i + 1);
        }
        if (points.isEmpty()) {
            throw new Invalid("no points: the CSV has no data lines");
        }
        return new PushInput(Json.write(points), List.copyOf(lines));
    }

    private static long count(String cell, String column, int line) throws Invalid {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            throw new Invalid("line " + line + ": " + column + " '" + cell + "' is not a whole number");
        }
    }

    /** Where point {@code index} came from: "line 7" for CSV, "point [3]" for JSON. */
    String where(int index) {
        return lines != null && index >= 0 && index < lines.size() ? "line " + lines.get(index) : "point [" + index + "]";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
