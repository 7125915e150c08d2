package dev.tandem.slo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's package) on a free loopback port, over a data directory that
 * {@code promtool tsdb create-blocks-from openmetrics} filled. It can be stopped and started again on the
 * same port and data, as an outage looks to its clients.
 */
final class PrometheusServer implements AutoCloseable {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private final Path dir;
    private final Path data;
    private final int port;
    private Process process;

    private PrometheusServer(Path dir, Path data, int port) {
        this.dir = dir;
        this.data = data;
        this.port = port;
    }

    /** Backfills {@code openMetrics} (ending with {@code # EOF}) and starts the server. */
    static PrometheusServer backfilled(Path dir, String openMetrics) throws Exception {
        Path file = dir.resolve("data.om");
        Files.writeString(file, openMetrics);
        Path data = Files.createDirectory(dir.resolve("data"));
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics",
                file.toString(), data.toString()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("promtool.log").toFile()).start();
        if (!promtool.waitFor(120, TimeUnit.SECONDS) || promtool.exitValue() != 0) {
            throw new IllegalStateException("promtool failed: " + Files.readString(dir.resolve("promtool.log")));
        }
        Files.writeString(dir.resolve("prometheus.yml"), "global:\n  evaluation_interval: 1m\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrometheusServer server = new PrometheusServer(dir, data, port);
        server.start();
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws Exception {
        process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.retention.time=30d")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prometheus.log").toFile()))
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("prometheus not ready within 60 s: " + Files.readString(dir.resolve("prometheus.log")));
    }

    /** Freezes the server (SIGSTOP): connections are accepted by the kernel but never answered, as when it is overloaded. */
    void pause() throws Exception {
        signal("-STOP");
    }

    void resume() throws Exception {
        signal("-CONT");
    }

    private void signal(String which) throws Exception {
        Process kill = new ProcessBuilder("kill", which, Long.toString(process.pid())).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill " + which + " failed: " + new String(kill.getInputStream().readAllBytes()));
        }
    }

    void stop() throws InterruptedException {
        try {
            resume(); // a frozen process would not handle SIGTERM
        } catch (Exception ignored) {
            // not running
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
