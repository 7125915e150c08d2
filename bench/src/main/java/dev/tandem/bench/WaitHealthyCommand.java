package dev.tandem.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "wait-healthy", mixinStandardHelpOptions = true,
        description = "Poll {url}/actuator/health until it answers 200 with status UP; print how long that took.")
final class WaitHealthyCommand implements Callable<Integer> {

    static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--timeout", defaultValue = "60", description = "Give up after this long; bare numbers are seconds (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--interval", defaultValue = "100ms", description = "Polling interval (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--since-epoch-ms", description = "Measure from this instant (e.g. when the server was launched) instead of from now.")
    Long sinceEpochMs;

    @Override
    public Integer call() throws Exception {
        long origin = sinceEpochMs != null ? sinceEpochMs : System.currentTimeMillis();
        long deadline = System.currentTimeMillis() + Durations.parse(timeout).toMillis();
        long pause = Math.max(10, Durations.parse(interval).toMillis());

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(Urls.join(url, "/actuator/health")))
                .timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json")
                .GET()
                .build();

        int attempts = 0;
        String last = "no answer yet";
        while (true) {
            attempts++;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && UP.matcher(response.body()).find()) {
                    long now = System.currentTimeMillis();
                    System.out.printf("healthy_ms=%d%n", now - origin);
                    System.out.printf("attempts=%d%n", attempts);
                    return 0;
                }
                last = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (System.currentTimeMillis() + pause > deadline) {
                System.err.printf("not healthy after %s (%d attempts); last answer: %s%n", timeout, attempts, last);
                System.out.println("healthy_ms=-1");
                return 1;
            }
            Thread.sleep(pause);
        }
    }

    private static String abbreviate(String s) {
        String flat = s.replace('\n', ' ');
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
