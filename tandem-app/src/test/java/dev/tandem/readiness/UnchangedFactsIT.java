package dev.tandem.readiness;

import dev.tandem.catalog.Services;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collector run that finds what is stored already only moves the facts' times: nothing is rewritten and
 * no {@link FactsChanged} goes out, so scorecards and engagements are not re-evaluated for nothing. Every
 * real difference still counts as a change.
 */
@IntegrationTest
@RecordApplicationEvents
class UnchangedFactsIT {

    private static final String SOURCE = "unchanged-test";

    @LocalServerPort
    int port;
    @Autowired
    Facts facts;
    @Autowired
    Services services;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler;

    private String service;
    private long id;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void service() {
        Api api = Api.at(port).admin();
        String team = "uf-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/teams", "{\"name\":\"" + team + "\"}").status()).isEqualTo(201);
        service = team + "-svc";
        assertThat(api.post("/api/v1/services", Api.json(Map.of("name", service, "owner", team, "readinessLevel", "B")))
                .status()).isEqualTo(201);
        id = services.get(service).id();
    }

    private static Fact fact(String key, CheckStatus outcome, Object value, String details, Instant at, Instant expires) {
        return new Fact(key, outcome, value, details, SOURCE, at, expires);
    }

    private long changes() {
        return events.stream(FactsChanged.class).filter(e -> e.serviceId() == id).count();
    }

    private Instant collectedAt(String key) {
        return jdbc.sql("select collected_at from facts where service_id = ? and fact_key = ?").params(id, key)
                .query(Timestamp.class).single().toInstant();
    }

    private String outcomes() {
        return jdbc.sql("select encoded from fact_outcomes where service_id = ?").param(id).query(String.class).optional()
                .orElse("");
    }

    @Test
    void theSameFactsAgainOnlyMoveTheirTimesAndEveryDifferenceIsAChange() {
        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "fine", t0, null),
                fact("uf.two", CheckStatus.FAIL, 3, "three", t0, null)));
        assertThat(changes()).isEqualTo(1);
        String encoded = outcomes();

        Instant t1 = t0.plus(Duration.ofHours(1));
        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "fine", t1, null),
                fact("uf.two", CheckStatus.FAIL, 3, "three", t1, null)));
        assertThat(changes()).as("nothing changed").isEqualTo(1);
        assertThat(collectedAt("uf.one")).isEqualTo(t1);
        assertThat(collectedAt("uf.two")).isEqualTo(t1);
        assertThat(outcomes()).isEqualTo(encoded);

        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "fine", t1, null),
                fact("uf.two", CheckStatus.PASS, 3, "three", t1, null)));
        assertThat(changes()).as("an outcome").isEqualTo(2);
        assertThat(outcomes()).isNotEqualTo(encoded);

        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "fine", t1, null),
                fact("uf.two", CheckStatus.PASS, 4, "three", t1, null)));
        assertThat(changes()).as("a value").isEqualTo(3);

        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "still fine", t1, null),
                fact("uf.two", CheckStatus.PASS, 4, "three", t1, null)));
        assertThat(changes()).as("details").isEqualTo(4);

        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "still fine", t1, null)));
        assertThat(changes()).as("a fact gone").isEqualTo(5);
        assertThat(facts.list(service)).extracting(Fact::key).containsExactly("uf.one");

        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "still fine", t1, null),
                fact("uf.three", null, "x", null, t1, null)));
        assertThat(changes()).as("a fact added").isEqualTo(6);
    }

    @Test
    void anExpiredFactComingBackOrAKeyOfAnotherSourceIsAChange() {
        Instant past = t0.minus(Duration.ofHours(2));
        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "fine", past,
                past.plus(Duration.ofHours(1)))));
        assertThat(changes()).isEqualTo(1);
        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "fine", t0,
                t0.plus(Duration.ofHours(1)))));
        assertThat(changes()).as("the expired fact holds again").isEqualTo(2);

        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "fine", t0.plusSeconds(60),
                t0.plus(Duration.ofHours(2)))));
        assertThat(changes()).as("only the expiry moved").isEqualTo(2);
        assertThat(outcomes()).contains(Long.toString(t0.plus(Duration.ofHours(2)).getEpochSecond()));

        facts.replace(id, service, "unchanged-other", List.of(new Fact("uf.other", CheckStatus.FAIL, null, null,
                "unchanged-other", t0, null)));
        assertThat(changes()).isEqualTo(3);
        facts.replace(id, service, SOURCE, List.of(fact("uf.one", CheckStatus.PASS, null, "fine", t0.plusSeconds(60),
                t0.plus(Duration.ofHours(2))), fact("uf.other", CheckStatus.FAIL, null, null, t0, null)));
        assertThat(changes()).as("a key another source wrote").isEqualTo(4);
        assertThat(facts.list(service)).extracting(Fact::source).containsOnly(SOURCE);
    }

    /** The collection takes minutes on a large catalog; the SLO evaluation every minute must not wait for it. */
    @Test
    void scheduledJobsRunSideBySide() {
        assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).isGreaterThanOrEqualTo(2);
    }
}
