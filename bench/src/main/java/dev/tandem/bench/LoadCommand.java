package dev.tandem.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "POST a catalog-info.yaml to {url}/api/v1/catalog/import and report status, time and summary.")
final class LoadCommand implements Callable<Integer> {

    static final String IMPORT_PATH = "/api/v1/catalog/import";

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", required = true, description = "API token, sent as 'Authorization: Bearer <token>'.")
    String token;

    @Option(names = "--timeout", defaultValue = "10m", description = "Request timeout, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML file to import.")
    Path file;

    @Override
    public Integer call() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(Urls.join(url, IMPORT_PATH)))
                .timeout(Durations.parse(timeout))
                .header("Content-Type", "application/yaml")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();

        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("bytes=%d%n", Files.size(file));
        System.out.printf("status=%d%n", response.statusCode());
        System.out.printf("elapsed_ms=%d%n", elapsedMs);
        System.out.printf("body=%s%n", response.body().replace('\n', ' ').strip());
        boolean ok = response.statusCode() / 100 == 2;
        if (!ok) {
            System.err.printf("import failed with HTTP %d%n", response.statusCode());
        }
        return ok ? 0 : 1;
    }
}
