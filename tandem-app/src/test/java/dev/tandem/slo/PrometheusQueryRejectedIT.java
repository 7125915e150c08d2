package dev.tandem.slo;

import dev.tandem.slo.internal.PrometheusClient;
import dev.tandem.support.IntegrationTest;
import dev.tandem.support.PageSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A query that a real Prometheus refuses (a syntax error, an unknown function) is its own data state,
 * QUERY_REJECTED with Prometheus's message: not STALE, no retry, no old figures, the budget state and its
 * events untouched, exit criteria without data, and the readiness fact {@code slo.queries-accepted} failing
 * until the definition is corrected. A Prometheus that is down is still STALE.
 */
@IntegrationTest
class PrometheusQueryRejectedIT {

    static final int MINUTES = 180;
    static final int TOTAL_PER_MINUTE = 600;

    @LocalServerPort
    int port;

    @Autowired
    SloMonitor monitor;

    @Autowired
    Slos slos;

    @Autowired
    ConfigurableApplicationContext context;

    private final List<ErrorBudgetStateChanged> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<ErrorBudgetStateChanged>> listener =
            event -> published.add(event.getPayload());

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class)
                .removeApplicationListener(listener);
    }

    private List<ErrorBudgetStateChanged> changes(String slo) {
        return published.stream().filter(e -> e.slo().equals(slo)).toList();
    }

    /** Two quiet hours and an hour at 2 % errors of http_requests_total, and a latency gauge always at 0.5 s. */
    private static String data(String job) {
        long endMinute = Instant.now().getEpochSecond() / 60 - 1;
        long startMinute = endMinute - MINUTES;
        StringBuilder requests = new StringBuilder("# TYPE http_requests counter\n");
        StringBuilder bad = new StringBuilder();
        StringBuilder good = new StringBuilder();
        StringBuilder latency = new StringBuilder("# TYPE lat gauge\n");
        long badSum = 0;
        long goodSum = 0;
        for (int m = 0; m <= MINUTES; m++) {
            long t = (startMinute + m) * 60;
            bad.append("http_requests_total{job=\"").append(job).append("\",code=\"500\"} ").append(badSum).append(' ').append(t).append('\n');
            good.append("http_requests_total{job=\"").append(job).append("\",code=\"200\"} ").append(goodSum).append(' ').append(t).append('\n');
            latency.append("lat{job=\"").append(job).append("\"} 0.5 ").append(t).append('\n');
            int errors = m < MINUTES - 60 ? 0 : TOTAL_PER_MINUTE * 2 / 100;
            badSum += errors;
            goodSum += TOTAL_PER_MINUTE - errors;
        }
        return requests.append(bad).append(good).append(latency).append("# EOF\n").toString();
    }

    private static JsonNode readinessCheck(SloFixture f, String service, String id) {
        JsonNode readiness = status(f.admin.get("/api/v1/services/" + service + "/readiness"), 200).json();
        for (JsonNode c : readiness.get("checks")) {
            if (c.get("check").get("id").asString().equals(id)) {
                return c.get("result");
            }
        }
        throw new AssertionError("no check " + id);
    }

    private static JsonNode listed(SloFixture f, String name) {
        for (JsonNode item : status(f.admin.get("/api/v1/slos?team=" + f.team + "&size=100"), 200).json().get("items")) {
            if (item.get("name").asString().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("SLO " + name + " is not listed");
    }

    @Test
    void aRefusedQueryIsItsOwnStateWithPrometheussMessageAndADownPrometheusIsStillStale(@TempDir Path dir) throws Exception {
        SloFixture f = new SloFixture(port);
        String job = "qr" + f.run;
        try (PrometheusServer prometheus = PrometheusServer.backfilled(dir, data(job))) {
            String service = f.service("qr", "B");
            String name = "qr-avail-" + f.run;
            String good = SloFixture.prometheus(name, service, job, prometheus.url());
            status(f.member().postYaml("/api/v1/slos/import", good), 200);
            JsonNode fresh = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(fresh.get("dataState").asString()).as(fresh.toString()).isEqualTo("OK");
            assertThat(fresh.get("policy").get("state").asString()).isEqualTo("EXHAUSTED");
            assertThat(readinessCheck(f, service, "slo.queries-accepted").get("status").asString()).isEqualTo("PASS");
            int eventsBefore = changes(name).size();

            // the error query calls a function Prometheus does not have
            String unknownFunction = good.replace("query: http_requests_total{job=\"" + job + "\",code=\"500\"}",
                    "query: 'nosuchfn(http_requests_total{job=\"" + job + "\",code=\"500\"}[{{.window}}])'");
            assertThat(unknownFunction).isNotEqualTo(good);
            status(f.member().postYaml("/api/v1/slos/import", unknownFunction), 200);
            JsonNode refused = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(refused.get("dataState").asString()).as(refused.toString()).isEqualTo("QUERY_REJECTED");
            JsonNode error = refused.get("queryError");
            assertThat(error.get("httpStatus").asInt()).isEqualTo(400);
            assertThat(error.get("errorType").asString()).isEqualTo("bad_data");
            assertThat(error.get("message").asString()).contains("unknown function").contains("nosuchfn");
            assertThat(error.get("query").asString()).startsWith("(nosuchfn(http_requests_total");
            assertThat(refused.has("sli")).as("no old figures").isFalse();
            assertThat(refused.has("staleReason")).isFalse();
            assertThat(refused.get("burnRates").size()).isZero();
            // a changed query is a new definition: the old one's figures and budget state are forgotten
            // (docs/slo.md), so the refused definition shows an untouched budget and never had data
            assertThat(refused.has("lastFreshAt")).as("the new definition never had data").isFalse();
            assertThat(refused.get("policy").get("state").asString()).as("an untouched budget").isEqualTo("HEALTHY");
            assertThat(changes(name)).as("no budget-state event").hasSize(eventsBefore);

            JsonNode item = listed(f, name);
            assertThat(item.get("dataState").asString()).isEqualTo("QUERY_REJECTED");
            assertThat(item.get("dataReason").asString()).contains("nosuchfn");
            assertThat(item.get("budgetState").asString()).isEqualTo("HEALTHY");

            JsonNode fact = readinessCheck(f, service, "slo.queries-accepted");
            assertThat(fact.get("status").asString()).isEqualTo("FAIL");
            assertThat(fact.get("message").asString()).contains(name).contains("nosuchfn");

            SliWindow window = monitor.sli(name, Duration.ofDays(7), Instant.now());
            assertThat(window.dataState()).isEqualTo("QUERY_REJECTED");
            assertThat(window.reason()).contains("nosuchfn");
            assertThat(window.sli()).isNull();
            assertThat(monitor.history(slos.get(name), Instant.now(), 60)).isEmpty();

            PageSession session = PageSession.admin(port);
            HttpResponse<String> page = session.get("/slos/" + name);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Query rejected").contains("unknown function with name")
                    .contains("bad_data").doesNotContain("Stale data");
            HttpResponse<String> list = session.get("/slos?team=" + f.team);
            assertThat(list.body()).contains("query rejected").contains("nosuchfn");

            // corrected: fresh figures again; the corrected definition's first evaluation publishes its state; the fact passes
            status(f.member().postYaml("/api/v1/slos/import", good), 200);
            JsonNode back = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(back.get("dataState").asString()).isEqualTo("OK");
            assertThat(back.get("policy").get("state").asString()).isEqualTo("EXHAUSTED");
            assertThat(changes(name)).hasSize(eventsBefore + 1);
            assertThat(listed(f, name).has("dataReason")).isFalse();
            assertThat(readinessCheck(f, service, "slo.queries-accepted").get("status").asString()).isEqualTo("PASS");

            // down is an outage, not a refusal: STALE with the last figures, and the fact still passes
            prometheus.stop();
            JsonNode stale = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(stale.get("dataState").asString()).isEqualTo("STALE");
            assertThat(stale.get("staleReason").asString()).contains(prometheus.url());
            assertThat(stale.has("queryError")).isFalse();
            assertThat(stale.get("sli").asDouble()).isEqualTo(back.get("sli").asDouble());
            JsonNode staleItem = listed(f, name);
            assertThat(staleItem.get("dataState").asString()).isEqualTo("STALE");
            assertThat(staleItem.get("dataReason").asString()).contains(prometheus.url());
            assertThat(monitor.sli(name, Duration.ofDays(7), Instant.now()).dataState()).isEqualTo("STALE");
            assertThat(readinessCheck(f, service, "slo.queries-accepted").get("status").asString()).isEqualTo("PASS");
        }
    }

    @Test
    void aSyntaxErrorBeforeAnyDataShowsUntouchedAndTheFirstEvaluationWithDataPublishesItsState(@TempDir Path dir) throws Exception {
        SloFixture f = new SloFixture(port);
        String job = "qs" + f.run;
        try (PrometheusServer prometheus = PrometheusServer.backfilled(dir, data(job))) {
            String service = f.service("qs", "B");
            String name = "qs-latency-" + f.run;
            String source = "src-" + name;
            String broken = SloFixture.dataSource(source, prometheus.url())
                    + PrometheusValuesIT.threshold(name, service, source, "rate(lat{job=\"" + job + "\"}[5m]");
            status(f.member().postYaml("/api/v1/slos/import", broken), 200);
            JsonNode refused = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(refused.get("dataState").asString()).as(refused.toString()).isEqualTo("QUERY_REJECTED");
            assertThat(refused.get("queryError").get("errorType").asString()).isEqualTo("bad_data");
            assertThat(refused.get("queryError").get("message").asString()).contains("parse error");
            assertThat(refused.has("lastFreshAt")).as("never had data").isFalse();
            assertThat(refused.get("policy").get("state").asString()).isEqualTo("HEALTHY");
            JsonNode item = listed(f, name);
            assertThat(item.get("dataState").asString()).as("listed although never evaluated with data").isEqualTo("QUERY_REJECTED");
            assertThat(item.get("dataReason").asString()).contains("parse error");
            assertThat(changes(name)).isEmpty();

            // the client itself: a refusal is not retried (the back-off here is 2 s)
            PrometheusClient client = new PrometheusClient(Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofSeconds(2));
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.range(prometheus.url(), "rate(lat[5m]", 0, 60, 60))
                    .isInstanceOf(PrometheusClient.Rejected.class).hasMessageContaining("parse error");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);

            // corrected: the latency is always over the threshold, so the first evaluation with data publishes EXHAUSTED
            String fixed = SloFixture.dataSource(source, prometheus.url())
                    + PrometheusValuesIT.threshold(name, service, source, "lat{job=\"" + job + "\"}");
            status(f.member().postYaml("/api/v1/slos/import", fixed), 200);
            JsonNode fresh = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(fresh.get("dataState").asString()).as(fresh.toString()).isEqualTo("OK");
            assertThat(fresh.get("policy").get("state").asString()).isEqualTo("EXHAUSTED");
            assertThat(changes(name)).singleElement().satisfies(e -> {
                assertThat(e.from()).as("the first evaluation with data").isNull();
                assertThat(e.to()).isEqualTo(BudgetState.EXHAUSTED);
            });
        }
    }
}
