package dev.tandem.slo;

import dev.tandem.slo.store.EventPoint;
import dev.tandem.slo.store.EventStore;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An SLO on a real Prometheus server: the server's figures agree with the engine on the same data; when
 * Prometheus is frozen (slow) or down, the status keeps the last good figures as STALE, and fresh ones
 * return with it.
 */
@IntegrationTest
class PrometheusSourceIT {

    static final int MINUTES = 180;
    static final int TOTAL_PER_MINUTE = 600;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    SloMonitor monitor;

    @org.springframework.beans.factory.annotation.Autowired
    Slos slos;

    /** Two quiet hours, then an hour at 2 % errors. */
    static int badAt(int minute) {
        return minute < MINUTES - 60 ? 0 : TOTAL_PER_MINUTE * 2 / 100;
    }

    @Test
    void statusAgreesWithTheEngineGoesStaleWhenPrometheusIsDownAndFreshWhenItIsBack(@TempDir Path dir) throws Exception {
        SloFixture f = new SloFixture(port);
        String job = "pj" + f.run;
        long endMinute = Instant.now().getEpochSecond() / 60 - 1;
        long startMinute = endMinute - MINUTES;
        StringBuilder bad = new StringBuilder();
        StringBuilder good = new StringBuilder();
        long badSum = 0;
        long goodSum = 0;
        List<EventPoint> points = new ArrayList<>();
        for (int m = 0; m <= MINUTES; m++) {
            long t = (startMinute + m) * 60;
            bad.append("http_requests_total{job=\"").append(job).append("\",code=\"500\"} ").append(badSum).append(' ').append(t).append('\n');
            good.append("http_requests_total{job=\"").append(job).append("\",code=\"200\"} ").append(goodSum).append(' ').append(t).append('\n');
            if (m < MINUTES) {
                points.add(EventPoint.bad(Instant.ofEpochSecond(t), badAt(m), TOTAL_PER_MINUTE));
                badSum += badAt(m);
                goodSum += TOTAL_PER_MINUTE - badAt(m);
            }
        }
        try (PrometheusServer prometheus = PrometheusServer.backfilled(dir, "# TYPE http_requests counter\n" + bad + good + "# EOF\n")) {
            String service = f.service("prom", "B");
            String name = "prom-avail-" + f.run;
            status(f.member().postYaml("/api/v1/slos/import", SloFixture.prometheus(name, service, job, prometheus.url())), 200);
            JsonNode slo = status(f.admin.get("/api/v1/slos/" + name), 200).json();
            assertThat(slo.get("source").asString()).isEqualTo("PROMETHEUS");
            assertThat(slo.get("sourceUrl").asString()).isEqualTo(prometheus.url());

            JsonNode fresh = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(fresh.get("dataState").asString()).as(fresh.toString()).isEqualTo("OK");
            Instant at = Instant.parse(fresh.get("at").asString());
            EventStore store = new EventStore(Clock.fixed(at, ZoneOffset.UTC), Duration.ofMinutes(5));
            store.push("engine", points);
            SloStatus engine = SloEvaluator.evaluate(SloFixture.definition(SloFixture.prometheus(name, service, job, prometheus.url())),
                    store.source("engine"), at);
            double engineHour = engine.burnRate(Duration.ofHours(1)).orElseThrow().value().getAsDouble();
            double engineSixHours = engine.burnRate(Duration.ofHours(6)).orElseThrow().value().getAsDouble();
            assertThat(engineHour).isGreaterThan(14.4);
            assertThat(fresh.get("burnRates").get("1h").asDouble()).isCloseTo(engineHour, within(engineHour * 0.05));
            assertThat(fresh.get("burnRates").get("6h").asDouble()).isCloseTo(engineSixHours, within(engineSixHours * 0.05));
            assertThat(fresh.get("counts").get("total").asDouble()).isCloseTo(engine.counts().total(), within(engine.counts().total() * 0.03));
            assertThat(fresh.get("errorBudget").get("consumed").asDouble())
                    .isCloseTo(engine.errorBudget().consumed(), within(engine.errorBudget().consumed() * 0.05));
            assertThat(fresh.get("sli").asDouble()).isCloseTo(engine.sli().getAsDouble(), within(0.001));

            // the page's charts: the burn-down ends where the status is
            List<Reports.HistoryPoint> history = monitor.history(slos.get(name), at, 60);
            assertThat(history).hasSize(SloMonitor.PROMETHEUS_HISTORY_POINTS);
            Reports.HistoryPoint last = history.get(history.size() - 1);
            assertThat(last.remaining()).isCloseTo(fresh.get("errorBudget").get("remaining").asDouble(), within(0.05));
            assertThat(last.sli()).isLessThan(1.0);

            // a Prometheus that accepts connections but does not answer: stale after the timeouts and retries
            prometheus.pause();
            try {
                JsonNode slow = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
                assertThat(slow.get("dataState").asString()).isEqualTo("STALE");
                assertThat(slow.get("staleReason").asString()).contains("no answer within");
                assertThat(slow.get("burnRates").get("1h").asDouble()).isCloseTo(engineHour, within(engineHour * 0.05));
            } finally {
                prometheus.resume();
            }
            assertThat(status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json().get("dataState").asString()).isEqualTo("OK");

            prometheus.stop();
            assertThat(monitor.history(slos.get(name), at, 60)).isEmpty();
            JsonNode stale = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(stale.get("dataState").asString()).isEqualTo("STALE");
            // the last good figures: those above, or the scheduler's evaluation just after them
            Instant lastFresh = Instant.parse(stale.get("lastFreshAt").asString());
            assertThat(lastFresh).isAfterOrEqualTo(at);
            assertThat(stale.get("at").asString()).isEqualTo(stale.get("lastFreshAt").asString());
            assertThat(stale.get("staleReason").asString()).contains(prometheus.url());
            assertThat(stale.get("burnRates").get("1h").asDouble()).isCloseTo(engineHour, within(engineHour * 0.05));
            assertThat(stale.get("errorBudget").get("consumed").asDouble())
                    .isCloseTo(engine.errorBudget().consumed(), within(engine.errorBudget().consumed() * 0.05));
            assertThat(status(f.admin.get("/api/v1/slos?team=" + f.team), 200).json().get("items").get(0)
                    .get("dataState").asString()).isEqualTo("STALE");

            prometheus.start();
            JsonNode back = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
            assertThat(back.get("dataState").asString()).isEqualTo("OK");
            assertThat(Instant.parse(back.get("at").asString())).isAfter(at);
            assertThat(back.get("burnRates").get("1h").asDouble()).isCloseTo(engineHour, within(engineHour * 0.1));
        }
    }

    @Test
    void withoutAnyAnswerYetTheStatusIsStaleWithoutFigures() {
        SloFixture f = new SloFixture(port);
        String service = f.service("dark", "B");
        String name = "dark-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.prometheus(name, service, "dark", "http://127.0.0.1:9")), 200);
        Api.Response r = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200);
        assertThat(r.body()).doesNotContain("NaN");
        assertThat(r.json().get("dataState").asString()).isEqualTo("STALE");
        assertThat(r.json().has("sli")).isFalse();
        assertThat(r.json().has("lastFreshAt")).isFalse();
    }
}
