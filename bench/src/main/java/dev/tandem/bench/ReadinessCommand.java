package dev.tandem.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scorecard evaluation at scale, end to end from the database: pushes {@code --checks} facts to every
 * service through the API (the built-in check ids first, then pushed-fact checks), saves a scorecard whose
 * three levels use all of them, then asks the server to evaluate every service several times and one
 * service at a time, and prints the server's own timings.
 */
@Command(name = "readiness", mixinStandardHelpOptions = true,
        description = "Push facts to every service, save a scorecard over them, and time its evaluation.")
final class ReadinessCommand implements Callable<Integer> {

    /** The built-in checks (tandem-checks and the catalog ones); the rest are pushed-fact checks. */
    static final List<String> BUILT_IN = List.of(
            "k8s.resources.requests", "k8s.resources.limits", "k8s.resources.memory-request-equals-limit",
            "k8s.probes.readiness", "k8s.probes.liveness", "k8s.probes.distinct", "k8s.pdb.present",
            "k8s.pdb.allows-disruption", "k8s.replicas.minimum", "k8s.hpa.no-fixed-replicas", "k8s.hpa.target-exists",
            "k8s.spread", "k8s.image.pinned", "k8s.security.non-root", "k8s.security.no-privilege-escalation",
            "k8s.graceful-termination", "k8s.rolling-update", "k8s.selector-matches", "k8s.service.targets-pods",
            "repo.dockerfile.non-root", "repo.dockerfile.pinned-base", "repo.dockerignore", "repo.dependency-updates",
            "repo.codeowners", "repo.runbook", "repo.ci", "catalog.owner", "catalog.description", "catalog.runbook",
            "catalog.on-call", "catalog.dependencies");
    private static final Pattern NAME = Pattern.compile("\\{\"name\":\"([^\"]+)\"");
    private static final Pattern NUMBER = Pattern.compile("\"(%s)\":(\\d+)");

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080")
    String url;

    @Option(names = "--token", required = true)
    String token;

    @Option(names = "--checks", defaultValue = "60", description = "Checks per service (default: ${DEFAULT-VALUE}).")
    int checks;

    @Option(names = "--repeat", defaultValue = "7", description = "Whole evaluations to time (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--singles", defaultValue = "50", description = "One-service evaluations to time (default: ${DEFAULT-VALUE}).")
    int singles;

    @Option(names = "--threads", defaultValue = "4", description = "Parallel pushes (default: ${DEFAULT-VALUE}).")
    int threads;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() throws Exception {
        List<String> services = serviceNames();
        List<String> ids = checkIds(checks);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> pushes = new ArrayList<>();
        for (int s = 0; s < services.size(); s++) {
            int index = s;
            pushes.add(pool.submit(() -> send("POST", "/api/v1/services/" + services.get(index) + "/facts",
                    "application/json", factsJson(ids, index)).statusCode()));
        }
        int failed = 0;
        for (Future<Integer> f : pushes) {
            failed += f.get() == 200 ? 0 : 1;
        }
        pool.shutdown();
        System.out.printf("services=%d%nchecks=%d%nfacts_pushed=%d%npush_failures=%d%npush_ms=%d%n", services.size(),
                ids.size(), (long) services.size() * ids.size(), failed, (System.nanoTime() - start) / 1_000_000);

        HttpResponse<String> saved = send("POST", "/api/v1/scorecards/import", "application/yaml", scorecard(ids));
        if (saved.statusCode() != 200) {
            System.err.println("scorecard refused: " + saved.statusCode() + " " + saved.body());
            return 1;
        }
        long[] evaluation = new long[repeat];
        long[] total = new long[repeat];
        long results = 0;
        for (int i = 0; i < repeat; i++) {
            String body = send("POST", "/api/v1/scorecards/evaluate", "application/json", "").body();
            evaluation[i] = number(body, "evaluationMicros") / 1000;
            total[i] = number(body, "totalMicros") / 1000;
            results = number(body, "results");
        }
        System.out.printf("results=%d%n", results);
        report("all_evaluation_ms", evaluation);
        report("all_with_writes_ms", total);
        long[] one = new long[singles];
        long[] oneTotal = new long[singles];
        for (int i = 0; i < singles; i++) {
            long t0 = System.nanoTime();
            String body = send("POST", "/api/v1/scorecards/evaluate?service=" + services.get(i % services.size()),
                    "application/json", "").body();
            oneTotal[i] = (System.nanoTime() - t0) / 1_000;
            one[i] = number(body, "totalMicros");
        }
        report("one_service_server_us", one);
        report("one_service_http_us", oneTotal);
        return failed == 0 ? 0 : 1;
    }

    static List<String> checkIds(int count) {
        List<String> ids = new ArrayList<>(BUILT_IN.subList(0, Math.min(count, BUILT_IN.size())));
        for (int i = ids.size(); i < count; i++) {
            ids.add(String.format("fact.bench-%02d", i));
        }
        return ids;
    }

    /** Nine in ten facts pass, chosen by a hash so that services spread over the levels. */
    static String factsJson(List<String> ids, int service) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            String key = ids.get(i).startsWith("fact.") ? ids.get(i).substring(5) : ids.get(i);
            boolean pass = Math.floorMod((service * 31 + i) * 2654435761L, 100) >= 3;
            json.append(i == 0 ? "" : ",").append("{\"key\":\"").append(key).append("\",\"outcome\":\"")
                    .append(pass ? "pass" : "fail").append("\",\"ttl\":\"30d\"}");
        }
        return json.append(']').toString();
    }

    static String scorecard(List<String> ids) {
        int third = (ids.size() + 2) / 3;
        StringBuilder yaml = new StringBuilder("""
                apiVersion: tandem.dev/v1
                kind: Scorecard
                metadata: {name: bench-checks, title: Benchmark scorecard}
                spec:
                  levels:
                """);
        String[] names = {"Bronze", "Silver", "Gold"};
        for (int level = 0; level < 3; level++) {
            List<String> part = ids.subList(Math.min(ids.size(), level * third), Math.min(ids.size(), (level + 1) * third));
            yaml.append("    - name: ").append(names[level]).append("\n      checks: [").append(String.join(", ", part)).append("]\n");
        }
        return yaml.toString();
    }

    private List<String> serviceNames() throws Exception {
        List<String> names = new ArrayList<>();
        for (int page = 0; ; page++) {
            String body = send("GET", "/api/v1/services?size=200&page=" + page, null, null).body();
            Matcher m = NAME.matcher(body);
            int before = names.size();
            while (m.find()) {
                names.add(m.group(1));
            }
            if (names.size() == before) {
                return names;
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Urls.join(url, path))).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile(String.format(NUMBER.pattern(), Pattern.quote(field))).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(2));
    }

    private static void report(String name, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf("%s_min=%d%n%s_median=%d%n%s_max=%d%n", name, sorted[0], name, sorted[sorted.length / 2], name,
                sorted[sorted.length - 1]);
    }
}
