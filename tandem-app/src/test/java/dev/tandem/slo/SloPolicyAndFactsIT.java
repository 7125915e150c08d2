package dev.tandem.slo;

import dev.tandem.shared.Actor;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.AfterEach;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/** Error-budget policy states and their events, and the readiness facts the SLO registry feeds. */
@IntegrationTest
class SloPolicyAndFactsIT {

    @LocalServerPort
    int port;

    @Autowired
    SloEvents sloEvents;

    @Autowired
    SloMonitor monitor;

    @Autowired
    Slos slos;

    @Autowired
    dev.tandem.slo.internal.BuiltInStore store;

    @Autowired
    ConfigurableApplicationContext context;

    private SloFixture f;
    /** Every state change, from whichever thread published it (a request, the scheduler, this test). */
    private final List<ErrorBudgetStateChanged> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<ErrorBudgetStateChanged>> listener =
            event -> published.add(event.getPayload());

    @BeforeEach
    void setUp() {
        f = new SloFixture(port);
        context.addApplicationListener(listener);
    }

    @AfterEach
    void removeListener() {
        context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class)
                .removeApplicationListener(listener);
    }

    private List<ErrorBudgetStateChanged> changes(String slo) {
        return published.stream().filter(e -> e.slo().equals(slo)).toList();
    }

    private void push(String slo, List<EventInput> points) {
        Actor.runAs(Actor.system(), () -> sloEvents.push(slo, points));
    }

    private static List<EventInput> minutes(int count, long bad, long total) {
        long now = Instant.now().getEpochSecond() / 60 * 60;
        List<EventInput> out = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            out.add(new EventInput(Instant.ofEpochSecond(now - i * 60L).toString(), null, bad, total));
        }
        return out;
    }

    @Test
    void aChangeOfBudgetStateIsPublishedOnceAndTheSlosOwnPolicyApplies() {
        String service = f.service("policy", "C");
        String name = "policy-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.99", "team-p")), 200);

        push(name, minutes(60, 0, 1000));
        assertThat(changes(name)).as("a first evaluation that is healthy publishes nothing").isEmpty();

        List<EventInput> oneBadMinute = minutes(2, 120, 1000).subList(0, 1); // the previous minute: 120 of 1000 bad
        push(name, oneBadMinute);
        JsonNode s = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
        assertThat(s.get("errorBudget").get("remaining").asDouble()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.get("policy").get("state").asString()).isEqualTo("HEALTHY");
        assertThat(s.get("policy").get("origin").asString()).isEqualTo("default");
        assertThat(changes(name)).isEmpty();

        // the SLO's own policy: at risk below 90 %
        int version = status(f.admin.get("/api/v1/slos/" + name), 200).json().get("version").asInt();
        status(f.as("outsider").put("/api/v1/slos/" + name + "/policy", Api.json(Map.of("atRiskBelow", 0.9, "version", version))), 403);
        status(f.member().put("/api/v1/slos/" + name + "/policy", Api.json(Map.of("atRiskBelow", 2, "version", version))), 400);
        JsonNode set = status(f.member().put("/api/v1/slos/" + name + "/policy", Api.json(Map.of("atRiskBelow", 0.9,
                "exhaustedAtOrBelow", 0, "actions", Map.of("AT_RISK", "No risky deploys on Fridays"), "version", version))), 200).json();
        assertThat(set.get("policy").get("atRiskBelow").asDouble()).isEqualTo(0.9);
        status(f.member().put("/api/v1/slos/" + name + "/policy", Api.json(Map.of("atRiskBelow", 0.5, "version", version))), 409);

        // evaluated here, unless the scheduler got there first: either way exactly one change is published
        Actor.runAs(Actor.system(), () -> monitor.evaluate(slos.get(name), Instant.now()));
        assertThat(changes(name)).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(BudgetState.HEALTHY);
            assertThat(e.to()).isEqualTo(BudgetState.AT_RISK);
            assertThat(e.service()).isEqualTo(service);
        });
        JsonNode atRisk = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
        assertThat(atRisk.get("policy").get("state").asString()).isEqualTo("AT_RISK");
        assertThat(atRisk.get("policy").get("origin").asString()).isEqualTo("slo");
        assertThat(atRisk.get("policy").get("action").asString()).isEqualTo("No risky deploys on Fridays");

        // evaluating again (as after a restart: the state is read from the database) publishes nothing new
        Actor.runAs(Actor.system(), () -> monitor.evaluate(slos.get(name), Instant.now()));
        assertThat(changes(name)).hasSize(1);

        push(name, minutes(3, 1000, 1000).subList(0, 1));
        assertThat(changes(name)).hasSize(2);
        assertThat(changes(name).get(1).from()).isEqualTo(BudgetState.AT_RISK);
        assertThat(changes(name).get(1).to()).isEqualTo(BudgetState.EXHAUSTED);
        assertThat(changes(name).get(1).remaining()).isLessThan(0);
    }

    private JsonNode listed(String name) {
        for (JsonNode item : status(f.admin.get("/api/v1/slos?team=" + f.team + "&size=100"), 200).json().get("items")) {
            if (item.get("name").asString().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("SLO " + name + " is not listed");
    }

    /** Counts straight into the store, without the evaluation that a push through the API makes. */
    private void store(String name, List<EventInput> points) {
        Slo slo = slos.get(name);
        store.push(slo.id(), name, points.stream().map(p -> dev.tandem.slo.store.EventPoint.bad(Instant.parse(p.timestamp()),
                p.bad(), p.total())).toList());
    }

    @Test
    void theScheduledRunWritesUnchangedStatesInABatchAndPublishesAChangeOnce() {
        String service = f.service("run", "C");
        String name = "run-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.99", "team-r")), 200);
        push(name, minutes(60, 0, 1000));
        assertThat(listed(name).get("budgetRemaining").asDouble()).isEqualTo(1.0);

        store(name, minutes(2, 120, 1000).subList(0, 1)); // 120 of 60,000 bad: 80 % of the budget left, still healthy
        monitor.evaluateAll();
        JsonNode healthy = listed(name);
        assertThat(healthy.get("budgetRemaining").asDouble()).as("written by the run's batch")
                .isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(healthy.get("budgetState").asString()).isEqualTo("HEALTHY");
        assertThat(changes(name)).isEmpty();

        store(name, minutes(3, 1000, 1000).subList(0, 1));
        monitor.evaluateAll();
        assertThat(changes(name)).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(BudgetState.HEALTHY);
            assertThat(e.to()).isEqualTo(BudgetState.EXHAUSTED);
        });
        JsonNode exhausted = listed(name);
        assertThat(exhausted.get("budgetState").asString()).isEqualTo("EXHAUSTED");
        assertThat(exhausted.get("budgetRemaining").asDouble()).isLessThan(0);
        monitor.evaluateAll();
        assertThat(changes(name)).hasSize(1);
        assertThat(listed(name).get("budgetRemaining").asDouble()).isEqualTo(exhausted.get("budgetRemaining").asDouble());
    }

    private static JsonNode check(JsonNode readiness, String id) {
        for (JsonNode c : readiness.get("checks")) {
            if (c.get("check").get("id").asString().equals(id)) {
                return c.get("result");
            }
        }
        throw new AssertionError("no check " + id);
    }

    @Test
    void readinessFactsFollowTheServicesSlos() {
        String service = f.service("facts", "A");
        status(f.member().post("/api/v1/services/" + service + "/facts/refresh", ""), 200);
        JsonNode none = status(f.admin.get("/api/v1/services/" + service + "/readiness"), 200).json();
        assertThat(check(none, "slo.defined").get("status").asString()).isEqualTo("FAIL");

        String name = "facts-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.999", null)), 200);
        JsonNode r = status(f.admin.get("/api/v1/services/" + service + "/readiness"), 200).json();
        assertThat(check(r, "slo.defined").get("status").asString()).isEqualTo("PASS");
        assertThat(check(r, "slo.defined").get("message").asString()).contains(name);
        assertThat(check(r, "slo.owner").get("status").asString()).isEqualTo("FAIL");
        assertThat(check(r, "slo.owner").get("message").asString()).contains(name);
        assertThat(check(r, "slo.target-consistent").get("status").asString()).as("99.9 % is level B, not A").isEqualTo("FAIL");
        assertThat(check(r, "slo.target-consistent").get("message").asString()).contains("99.9 %");

        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.9995", "team-facts")), 200);
        JsonNode fixed = status(f.admin.get("/api/v1/services/" + service + "/readiness"), 200).json();
        assertThat(check(fixed, "slo.owner").get("status").asString()).isEqualTo("PASS");
        assertThat(check(fixed, "slo.target-consistent").get("status").asString()).isEqualTo("PASS");
        assertThat(check(fixed, "slo.target-consistent").get("source").asString()).isEqualTo("slo");
    }
}
