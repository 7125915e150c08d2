package dev.tandem.cli;

import dev.tandem.shared.Json;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

/** Exit codes of the server-facing {@code tandem slo} commands, and reading the server's problem details. */
final class SloExit {

    static final int OK = 0;
    /** The server (or the local database) refused: nothing was written. */
    static final int REFUSED = 1;
    /** Bad arguments, an unreadable file, a server that cannot be reached. */
    static final int USAGE = 2;

    private SloExit() {
    }

    /** The RFC 9457 problem detail of an error answer, or null when the body is not JSON. */
    static JsonNode problem(HttpResponse<String> response) {
        try {
            JsonNode node = Json.mapper().readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** "HTTP 404 Not found: no SLO 'x'" from a problem detail, or the status and the start of the body. */
    static String describe(HttpResponse<String> response, JsonNode problem) {
        if (problem != null && problem.hasNonNull("detail")) {
            String title = text(problem, "title");
            return "HTTP " + response.statusCode() + (title == null ? "" : " " + title) + ": " + text(problem, "detail");
        }
        String body = response.body() == null ? "" : response.body().strip();
        return "HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
