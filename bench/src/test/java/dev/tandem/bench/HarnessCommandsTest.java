package dev.tandem.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exercises the HTTP subcommands against a tiny in-process stand-in for the server. */
class HarnessCommandsTest {

    HttpServer server;
    String url;
    final AtomicReference<String> importedContentType = new AtomicReference<>();
    final AtomicReference<Integer> importedBytes = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/catalog/import", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (!"Bearer good".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                respond(ex, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            importedContentType.set(ex.getRequestHeaders().getFirst("Content-Type"));
            importedBytes.set(body.length);
            respond(ex, 200, "{\"created\":3,\"updated\":0,\"unchanged\":0,\"skipped\":0}");
        });
        server.createContext("/actuator/health", ex -> respond(ex, 200, "{\"status\": \"UP\"}"));
        server.createContext("/api/v1/services", ex -> {
            String query = ex.getRequestURI().getQuery();
            respond(ex, query != null && query.startsWith("page=3&") ? 500 : 200, "[]");
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    record Run(int exitCode, String out) {}

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            int code = Harness.commandLine().execute(args);
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void generateWritesTheRequestedOrganisation(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("catalog-info.yaml");
        Run r = run("generate", "--out", file.toString(), "--teams", "5", "--people", "10", "--systems", "2",
                "--services", "30", "--resources", "4", "--seed", "9");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("documents=51").contains("bytes=" + Files.size(file));
        assertThat(Files.readString(file)).startsWith("---\napiVersion: backstage.io/v1alpha1\nkind: Group\n");
    }

    @Test
    void loadPostsYamlWithBearerTokenAndReportsSummary(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "---\napiVersion: backstage.io/v1alpha1\nkind: Group\n");
        Run ok = run("load", "--url", url, "--token", "good", file.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("status=200").contains("elapsed_ms=").contains("\"created\":3");
        assertThat(importedContentType.get()).isEqualTo("application/yaml");
        assertThat(importedBytes.get()).isEqualTo((int) Files.size(file));

        Run denied = run("load", "--url", url, "--token", "bad", file.toString());
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.out()).contains("status=401");
    }

    @Test
    void waitHealthyMeasuresFromTheGivenInstant() {
        long since = System.currentTimeMillis() - 5_000;
        Run r = run("wait-healthy", "--url", url, "--timeout", "5", "--since-epoch-ms", Long.toString(since));
        assertThat(r.exitCode()).isZero();
        long ms = Long.parseLong(r.out().lines().filter(l -> l.startsWith("healthy_ms=")).findFirst().orElseThrow()
                .substring("healthy_ms=".length()));
        assertThat(ms).isGreaterThanOrEqualTo(5_000);
    }

    @Test
    void waitHealthyGivesUpOnADeadServer() {
        server.stop(0);
        Run r = run("wait-healthy", "--url", url, "--timeout", "1", "--interval", "200ms");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("healthy_ms=-1");
    }

    @Test
    void loadTestCountsRequestsAndErrors() {
        Run r = run("load-test", "--url", url, "--token", "t", "--path", "/api/v1/services?page={page}&size=50",
                "--pages", "4", "--connections", "4", "--duration", "1s");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("rps=").contains("p99_ms=").contains("exceptions=0");
        long requests = value(r.out(), "requests");
        long non2xx = value(r.out(), "non2xx");
        assertThat(requests).isGreaterThan(20);
        // page 3 of [0, 4) answers 500: roughly a quarter of the requests.
        assertThat(non2xx).isBetween(requests / 8, requests / 2);
    }

    private static long value(String out, String key) {
        return Long.parseLong(out.lines().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow()
                .substring(key.length() + 1));
    }

    @Test
    void percentilesUseNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) sorted[i] = i + 1;
        assertThat(LoadTestCommand.percentile(sorted, 50)).isEqualTo(50);
        assertThat(LoadTestCommand.percentile(sorted, 99)).isEqualTo(99);
        assertThat(LoadTestCommand.percentile(sorted, 100)).isEqualTo(100);
        assertThat(LoadTestCommand.percentile(new long[0], 50)).isZero();
    }

    @Test
    void durationsParse() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("60")).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
