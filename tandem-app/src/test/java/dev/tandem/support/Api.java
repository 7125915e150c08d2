package dev.tandem.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client for the API as a real client sees it: status, headers and JSON body. Requests are
 * authenticated with a bearer token or HTTP Basic, or not at all.
 */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port, null);
    }

    public Api basic(String user, String password) {
        return new Api(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Api bearer(String token) {
        return new Api(base, "Bearer " + token);
    }

    public Api admin() {
        return basic("admin", TestDatabase.ADMIN_PASSWORD);
    }

    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response delete(String path, String ifMatch) {
        return send(request(path).header("If-Match", ifMatch).DELETE());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postWithHeader(String path, String json, String header, String value) {
        return send(request(path).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json, String ifMatch) {
        return send(request(path).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postYaml(String path, String yaml) {
        return send(request(path).header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    public Response postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Issues a token for {@code username} (as admin) and returns its secret. */
    public String tokenFor(String username) {
        Response r = admin().post("/api/v1/tokens", "{\"name\":\"test-" + System.nanoTime() + "\",\"username\":\"" + username + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("could not issue a token: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asString();
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> raw = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(raw.statusCode(), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
