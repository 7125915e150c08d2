package dev.tandem.slo.internal;

import dev.tandem.shared.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Instant and range queries over Prometheus's HTTP API ({@code GET /api/v1/query}, {@code /api/v1/query_range}), with a connect timeout, a
 * timeout per request, and retries with doubling back-off. Two ways to fail, because they call for different
 * handling:
 * <ul>
 *   <li>{@link Unavailable}: no useful answer (connection refused, timeout, HTTP 5xx, 408, 429) after every
 *   retry. An outage: the caller shows its last good figures as stale.</li>
 *   <li>{@link Rejected}: Prometheus answered and refused the query (HTTP 400 {@code bad_data} for a syntax
 *   error or an unknown function, 422 {@code execution}, any other 4xx, or {@code "status":"error"} in an
 *   answer). A definition problem: asking again gives the same answer, so there is no retry, and old
 *   figures would hide the problem.</li>
 * </ul>
 */
public final class PrometheusClient {

    /** Prometheus did not answer usefully (down, slow, or a server error) after every retry. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /**
     * Prometheus answered and refused the query: retrying cannot help.
     *
     * @param query      the PromQL sent
     * @param httpStatus the answer's status (200 for an answer whose {@code status} is {@code error})
     * @param errorType  Prometheus's {@code errorType} ({@code bad_data}, {@code execution}, …), or null
     * @param error      Prometheus's {@code error} text, or the start of the body when it is not Prometheus's JSON
     */
    public static final class Rejected extends RuntimeException {
        private final String query;
        private final int httpStatus;
        private final String errorType;
        private final String error;

        public Rejected(String query, int httpStatus, String errorType, String error) {
            super("Prometheus refused the query " + query + " (HTTP " + httpStatus
                    + (errorType == null ? "" : ", " + errorType) + "): " + error);
            this.query = query;
            this.httpStatus = httpStatus;
            this.errorType = errorType;
            this.error = error;
        }

        public String query() {
            return query;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String errorType() {
            return errorType;
        }

        public String error() {
            return error;
        }
    }

    private final Duration connectTimeout;
    private volatile HttpClient http;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    public PrometheusClient(Duration connectTimeout, Duration timeout, int retries, Duration backoff) {
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.retries = Math.max(0, retries);
        this.backoff = backoff;
    }

    /**
     * The value of a scalar-like instant query at {@code at}: the sum of the vector's samples, 0 for an
     * empty vector (no series matched: no events).
     */
    public double query(String baseUrl, String promql, Instant at) {
        String url = stripSlash(baseUrl) + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + at.getEpochSecond() + "&timeout=" + Math.max(1, timeout.toSeconds()) + "s";
        return parse(promql, get(baseUrl, promql, url));
    }

    /**
     * The samples of an instant query at {@code at} that hold a number (NaN dropped): empty when nothing
     * matched or every sample is NaN.
     */
    public List<Double> values(String baseUrl, String promql, Instant at) {
        String url = stripSlash(baseUrl) + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000)
                + "&timeout=" + Math.max(1, timeout.toSeconds()) + "s";
        return parseValues(promql, get(baseUrl, promql, url));
    }

    static List<Double> parseValues(String promql, String body) {
        JsonNode root = success(promql, body);
        JsonNode data = root.path("data");
        List<Double> out = new ArrayList<>();
        if (data.path("resultType").asString("").equals("scalar")) {
            double v = value(data.path("result").get(1).asString());
            if (!Double.isNaN(v)) {
                out.add(v);
            }
            return out;
        }
        for (JsonNode sample : data.path("result")) {
            double v = value(sample.path("value").get(1).asString());
            if (!Double.isNaN(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * A range query ({@code GET /api/v1/query_range}) evaluated at {@code start}, {@code start + step}, …
     * up to {@code end} (epoch seconds): every series of the answer with its samples, NaN and infinities
     * kept as Prometheus sent them (the caller decides what they mean).
     */
    public List<RangeSeries> range(String baseUrl, String promql, long start, long end, long stepSeconds) {
        String url = stripSlash(baseUrl) + "/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + start + "&end=" + end + "&step=" + stepSeconds + "&timeout=" + Math.max(1, timeout.toSeconds()) + "s";
        return parseRange(promql, get(baseUrl, promql, url));
    }

    /** HTTP requests sent so far, retries included: what the caches save shows here. */
    public long requests() {
        return requests.get();
    }

    /** One series of a range answer: sample times (epoch seconds) and values, in time order. */
    public record RangeSeries(long[] seconds, double[] values) {
    }

    /** The answer of a 200, which should say {@code "status":"success"}; an error in it is a refusal. */
    private static JsonNode success(String promql, String body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (RuntimeException notJson) {
            throw new Unavailable("Prometheus answered with something that is not its JSON: " + abbreviate(body));
        }
        if (!"success".equals(root.path("status").asString(""))) {
            throw rejected(promql, 200, body);
        }
        return root;
    }

    /** A refusal with Prometheus's own {@code errorType} and {@code error} when the body is its JSON. */
    static Rejected rejected(String promql, int httpStatus, String body) {
        try {
            JsonNode root = Json.mapper().readTree(body);
            String error = root.path("error").asString("");
            if (!error.isEmpty()) {
                String type = root.path("errorType").asString("");
                return new Rejected(promql, httpStatus, type.isEmpty() ? null : type, abbreviate(error, 500));
            }
        } catch (RuntimeException notJson) {
            // a proxy's or another server's page: quote it
        }
        return new Rejected(promql, httpStatus, null, abbreviate(body));
    }

    /**
     * A 4xx means the request itself is wrong (a bad query, a wrong path, no permission), except 408 and 429,
     * which ask the client to come back later.
     */
    static boolean refusal(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    private String get(String baseUrl, String promql, String url) {
        String last = null;
        long wait = backoff.toMillis();
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                sleep(wait);
                wait *= 2;
            }
            try {
                requests.incrementAndGet();
                HttpResponse<String> r = http().send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
                if (refusal(r.statusCode())) {
                    throw rejected(promql, r.statusCode(), r.body()); // a bad query stays bad: no retry
                }
                last = "HTTP " + r.statusCode() + ": " + abbreviate(r.body());
            } catch (java.net.http.HttpTimeoutException e) {
                last = "no answer within " + timeout.toMillis() + " ms";
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted");
            }
        }
        throw new Unavailable("Prometheus at " + baseUrl + " did not answer (" + (retries + 1) + " attempts): " + last);
    }

    static List<RangeSeries> parseRange(String promql, String body) {
        JsonNode root = success(promql, body);
        JsonNode data = root.path("data");
        if (!"matrix".equals(data.path("resultType").asString(""))) {
            throw new Unavailable("Prometheus answered a range query without a matrix: " + abbreviate(body));
        }
        List<RangeSeries> out = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            JsonNode values = series.path("values");
            long[] seconds = new long[values.size()];
            double[] v = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                seconds[i] = (long) Math.floor(values.get(i).get(0).asDouble());
                v[i] = value(values.get(i).get(1).asString());
            }
            out.add(new RangeSeries(seconds, v));
        }
        return out;
    }

    /**
     * The HTTP client, built at the first query: building one sets up TLS (reads the trust store) and starts
     * a selector thread, a few hundred milliseconds of the server's start for a client that only SLOs
     * backed by Prometheus ever use.
     */
    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
                    http = client;
                }
            }
        }
        return client;
    }

    static double parse(String promql, String body) {
        JsonNode root = success(promql, body);
        JsonNode data = root.path("data");
        String type = data.path("resultType").asString("");
        JsonNode result = data.path("result");
        if (type.equals("scalar")) {
            return number(result.get(1).asString());
        }
        double sum = 0;
        for (JsonNode sample : result) {
            sum += number(sample.path("value").get(1).asString());
        }
        return sum;
    }

    /** A sample value as Prometheus writes it ({@code NaN}, {@code +Inf}, {@code -Inf} included). */
    static double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static double number(String text) {
        double v = value(text);
        return Double.isFinite(v) ? v : 0;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 200);
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) + "…" : s;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }
}
