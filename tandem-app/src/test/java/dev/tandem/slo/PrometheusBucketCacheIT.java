package dev.tandem.slo;

import dev.tandem.slo.format.SloFiles;
import dev.tandem.slo.internal.BucketCache;
import dev.tandem.slo.internal.PrometheusClient;
import dev.tandem.slo.internal.PrometheusValues;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-SLO cache of Prometheus buckets ({@link BucketCache}) on a real Prometheus: a repeated evaluation
 * asks only for the minutes, an evaluation later in time only for the new buckets, both with the figures of an
 * evaluation without the cache; a changed definition is never answered from the cache.
 */
@IntegrationTest
class PrometheusBucketCacheIT {

    static final int MINUTES = 26 * 60;

    @LocalServerPort
    int port;

    /** 26 hours of a latency gauge, one minute in seven over 0.3 s. */
    static String data(String job) {
        long end = Instant.now().getEpochSecond() / 60 * 60 - 60;
        StringBuilder b = new StringBuilder("# TYPE lat gauge\n");
        for (int m = 0; m < MINUTES; m++) {
            b.append("lat{job=\"").append(job).append("\"} ").append(m % 7 == 0 ? "0.5" : "0.1").append(' ')
                    .append(end - (long) (MINUTES - 1 - m) * 60).append('\n');
        }
        return b.append("# EOF\n").toString();
    }

    /** A 1-day threshold SLO without alert tiers: an hour of minutes, the rest of the day in hour buckets. */
    static String slo(String name, String service, String url, String job, String threshold) {
        String source = "src-" + name;
        return SloFixture.dataSource(source, url)
                + PrometheusValuesIT.threshold(name, service, source, "lat{job=\"" + job + "\"}")
                .replace("duration: 30d", "duration: 1d")
                .replace("  budgetingMethod: Occurrences\n", "  alertPolicies: []\n  budgetingMethod: Occurrences\n")
                .replace("value: 0.3", "value: " + threshold);
    }

    private static SloStatus evaluate(PrometheusClient client, String url, SloDefinition slo, Instant at, BucketCache cache) {
        return PrometheusValues.of(client, url, slo, at, at, cache).evaluate(slo, at);
    }

    private static void sameFigures(SloStatus cached, SloStatus fresh) {
        assertThat(cached.counts()).isEqualTo(fresh.counts());
        assertThat(cached.sli()).isEqualTo(fresh.sli());
        assertThat(cached.errorBudget()).isEqualTo(fresh.errorBudget());
        assertThat(cached.burnRates()).isEqualTo(fresh.burnRates());
    }

    @Test
    void repeatedAndLaterEvaluationsAskOnlyForWhatIsNewWithTheSameFigures(@TempDir Path dir) throws Exception {
        String job = "bc" + Long.toHexString(System.nanoTime());
        try (PrometheusServer prometheus = PrometheusServer.backfilled(dir, data(job))) {
            String url = prometheus.url();
            SloDefinition slo = SloFiles.read(slo("lat", "api", url, job, "0.3")).slos().get(0);
            PrometheusClient client = new PrometheusClient(Duration.ofSeconds(2), Duration.ofSeconds(10), 0, Duration.ofMillis(10));
            PrometheusClient uncached = new PrometheusClient(Duration.ofSeconds(2), Duration.ofSeconds(10), 0, Duration.ofMillis(10));
            BucketCache cache = new BucketCache(Duration.ofHours(1), 100_000, Clock.systemUTC());
            Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60 + 30);

            long before = client.requests();
            SloStatus first = evaluate(client, url, slo, now, cache);
            assertThat(client.requests() - before).as("minutes, and good and total per hour").isEqualTo(3);
            assertThat(first.counts().total()).as("a day of minutes with a value").isGreaterThan(1400);
            assertThat(first.sli().getAsDouble()).isLessThan(0.9);

            before = client.requests();
            SloStatus again = evaluate(client, url, slo, now, cache);
            assertThat(client.requests() - before).as("only the minutes").isEqualTo(1);
            sameFigures(again, first);
            sameFigures(again, evaluate(uncached, url, slo, now, null));

            // from three hours ago to half an hour ago: the hours in between are new, the older ones cached
            BucketCache moving = new BucketCache(Duration.ofHours(1), 100_000, Clock.systemUTC());
            evaluate(client, url, slo, now.minus(Duration.ofHours(3)), moving);
            Instant later = now.minus(Duration.ofMinutes(30));
            before = client.requests();
            SloStatus moved = evaluate(client, url, slo, later, moving);
            long asked = client.requests() - before;
            assertThat(asked).as("minutes, and good and total for the new hours only").isEqualTo(3);
            assertThat(moving.buckets()).as("the cache holds both runs' hours: the older ones were not asked again")
                    .isGreaterThan(cache.buckets());
            sameFigures(moved, evaluate(uncached, url, slo, later, null));
            before = client.requests();
            sameFigures(evaluate(client, url, slo, later, moving), moved);
            assertThat(client.requests() - before).isEqualTo(1);

            // the same name with another threshold: every minute is over 0.05 s, and the cache must not say otherwise
            SloDefinition stricter = SloFiles.read(slo("lat", "api", url, job, "0.05")).slos().get(0);
            before = client.requests();
            SloStatus strict = evaluate(client, url, stricter, now, cache);
            assertThat(client.requests() - before).isEqualTo(3);
            assertThat(strict.sli().getAsDouble()).isZero();
            sameFigures(strict, evaluate(uncached, url, stricter, now, null));
        }
    }

    /** Range queries Prometheus has answered so far, from its own metrics. */
    private static long rangeQueries(String url) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^prometheus_http_requests_total\\{[^}]*handler=\"/api/v1/query_range\"[^}]*} (\\S+)$").matcher(metrics);
        long sum = 0;
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(1));
        }
        return sum;
    }

    @Test
    void theServersStatusUsesTheCacheAndAChangedDefinitionIsNotServedFromIt(@TempDir Path dir) throws Exception {
        SloFixture f = new SloFixture(port);
        String job = "bs" + f.run;
        try (PrometheusServer prometheus = PrometheusServer.backfilled(dir, data(job))) {
            String service = f.service("bc", "B");
            String name = "bc-latency-" + f.run;
            status(f.member().postYaml("/api/v1/slos/import", slo(name, service, prometheus.url(), job, "0.3")), 200);
            long before = rangeQueries(prometheus.url());
            JsonNode first = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(first.get("dataState").asString()).as(first.toString()).isEqualTo("OK");
            assertThat(rangeQueries(prometheus.url()) - before).isGreaterThanOrEqualTo(3);

            before = rangeQueries(prometheus.url());
            JsonNode second = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            // 1 for this evaluation; 3 would mean no cache (a scheduled evaluation in between adds at most 1)
            assertThat(rangeQueries(prometheus.url()) - before).isLessThan(3);
            assertThat(second.get("sli").asDouble()).isEqualTo(first.get("sli").asDouble());
            assertThat(second.get("counts")).isEqualTo(first.get("counts"));
            assertThat(first.get("sli").asDouble()).isLessThan(0.9);

            // a laxer threshold: every minute is good; buckets cached for 0.3 s would still hold bad minutes
            status(f.member().postYaml("/api/v1/slos/import", slo(name, service, prometheus.url(), job, "0.6")), 200);
            JsonNode lax = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(lax.get("sli").asDouble()).isEqualTo(1.0);
            assertThat(lax.get("counts").get("total").asLong()).isEqualTo(first.get("counts").get("total").asLong());
        }
    }
}
