package dev.tandem.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Closed-loop load generator: N virtual users, each sending its next request as soon as the
 * previous one completed. A second opinion next to wrk, with the same knobs.
 */
@Command(name = "load-test", mixinStandardHelpOptions = true,
        description = "Closed-loop HTTP load test; reports requests/s, latency percentiles and errors.")
final class LoadTestCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--path", defaultValue = "/api/v1/services?page={page}&size=50",
            description = "Request path; {page} is replaced by a random page in [0, --pages) (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(names = "--pages", defaultValue = "200", description = "Number of distinct pages for {page} (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--connections", defaultValue = "32", description = "Concurrent virtual users (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--duration", defaultValue = "30s", description = "Measured duration (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "0s", description = "Unmeasured warm-up before the measured window (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--request-timeout", defaultValue = "10s", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    String requestTimeout;

    @Option(names = "--token", description = "Send 'Authorization: Bearer <token>'.")
    String token;

    @Option(names = "--basic", paramLabel = "USER:PASSWORD", description = "Send HTTP Basic credentials.")
    String basic;

    @Option(names = "--cookie", description = "Send this Cookie header, e.g. JSESSIONID=abc.")
    String cookie;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for page selection (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || pages < 1) {
            System.err.println("--connections and --pages must be >= 1");
            return 2;
        }
        Duration measured = Durations.parse(duration);
        Duration warm = Durations.parse(warmup);
        Duration perRequest = Durations.parse(requestTimeout);
        String authorization = authorization();

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        long startNs = System.nanoTime();
        long measureFromNs = startNs + warm.toNanos();
        long endNs = measureFromNs + measured.toNanos();

        List<Worker> workers = new ArrayList<>(connections);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(client, seeds.split(), authorization, perRequest, measureFromNs, endNs);
            workers.add(w);
        }
        List<Thread> threads = new ArrayList<>(connections);
        for (int i = 0; i < workers.size(); i++) {
            Thread t = new Thread(workers.get(i), "vu-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        // Requests started before the end are still counted, so the window runs until the last one finished.
        double seconds = Math.max(1, System.nanoTime() - measureFromNs) / 1e9;

        Report report = Report.of(workers, seconds);
        report.print(Urls.join(url, path), connections);
        return 0;
    }

    private String authorization() {
        if (token != null) return "Bearer " + token;
        if (basic != null) {
            return "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private final class Worker implements Runnable {
        private final HttpClient client;
        private final SplittableRandom random;
        private final String authorization;
        private final Duration timeout;
        private final long measureFromNs;
        private final long endNs;

        final LongList latenciesUs = new LongList();
        final Map<Integer, Long> statuses = new TreeMap<>();
        long non2xx;
        long exceptions;
        String firstException;

        Worker(HttpClient client, SplittableRandom random, String authorization, Duration timeout,
               long measureFromNs, long endNs) {
            this.client = client;
            this.random = random;
            this.authorization = authorization;
            this.timeout = timeout;
            this.measureFromNs = measureFromNs;
            this.endNs = endNs;
        }

        @Override
        public void run() {
            while (true) {
                long t0 = System.nanoTime();
                if (t0 >= endNs) return;
                boolean measuring = t0 >= measureFromNs;
                String p = path.replace("{page}", Integer.toString(random.nextInt(pages)));
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Urls.join(url, p)))
                        .timeout(timeout)
                        .GET();
                if (authorization != null) b.header("Authorization", authorization);
                if (cookie != null) b.header("Cookie", cookie);
                try {
                    HttpResponse<Void> response = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
                    long us = (System.nanoTime() - t0) / 1_000;
                    if (measuring) {
                        latenciesUs.add(us);
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        if (response.statusCode() / 100 != 2) non2xx++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    if (measuring) {
                        exceptions++;
                        if (firstException == null) firstException = e.toString();
                    }
                }
            }
        }
    }

    /** Aggregated results; percentiles use the nearest-rank method over all recorded latencies. */
    record Report(long requests, double seconds, long[] sortedUs, Map<Integer, Long> statuses,
                  long non2xx, long exceptions, String firstException) {

        static Report of(List<Worker> workers, double seconds) {
            LongList all = new LongList();
            Map<Integer, Long> statuses = new TreeMap<>();
            long non2xx = 0;
            long exceptions = 0;
            String first = null;
            for (Worker w : workers) {
                all.addAll(w.latenciesUs);
                w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
                non2xx += w.non2xx;
                exceptions += w.exceptions;
                if (first == null) first = w.firstException;
            }
            long[] sorted = all.toSortedArray();
            return new Report(sorted.length, seconds, sorted, statuses, non2xx, exceptions, first);
        }

        void print(String target, int connections) {
            System.out.printf("target=%s connections=%d%n", target, connections);
            System.out.printf("requests=%d%n", requests);
            System.out.printf("duration_s=%.2f%n", seconds);
            System.out.printf("rps=%.1f%n", requests / seconds);
            System.out.printf("p50_ms=%.2f%n", percentile(sortedUs, 50) / 1000.0);
            System.out.printf("p90_ms=%.2f%n", percentile(sortedUs, 90) / 1000.0);
            System.out.printf("p99_ms=%.2f%n", percentile(sortedUs, 99) / 1000.0);
            System.out.printf("max_ms=%.2f%n", (sortedUs.length == 0 ? 0 : sortedUs[sortedUs.length - 1]) / 1000.0);
            System.out.printf("non2xx=%d%n", non2xx);
            System.out.printf("exceptions=%d%n", exceptions);
            System.out.printf("errors=%d%n", non2xx + exceptions);
            System.out.printf("statuses=%s%n", statuses);
            if (firstException != null) System.out.printf("first_exception=%s%n", firstException);
        }
    }

    /** Nearest-rank percentile of an ascending array; 0 for an empty array. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    /** Minimal growable primitive list, to avoid boxing hundreds of thousands of samples. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) values = java.util.Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) add(other.values[i]);
        }

        int size() {
            return size;
        }

        long[] toSortedArray() {
            long[] copy = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(copy);
            return copy;
        }
    }
}
