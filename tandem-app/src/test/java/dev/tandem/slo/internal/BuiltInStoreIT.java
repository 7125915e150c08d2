package dev.tandem.slo.internal;

import dev.tandem.slo.EventCounts;
import dev.tandem.slo.SloFixture;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in store survives a restart (a new store rebuilt from the table holds the same counts), and a
 * second replica picks up pushes made through the first.
 */
@IntegrationTest
class BuiltInStoreIT {

    @LocalServerPort
    int port;

    @Autowired
    BuiltInStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    private static EventCounts lastHours(BuiltInStore s, String name) {
        Instant now = Instant.now();
        return s.source(name).counts(now.minus(Duration.ofHours(4)), now.plusSeconds(60));
    }

    @Test
    void aRestartLosesNothingAndAnotherReplicaCatchesUp() {
        SloFixture f = new SloFixture(port);
        String service = f.service("store", "B");
        String name = "store-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.999", "team-s")), 200);
        long minute = Instant.now().getEpochSecond() / 60 * 60;
        status(f.member().post("/api/v1/slos/" + name + "/events", SloFixture.points(minute, 180, 3, 500)), 200);
        status(f.member().post("/api/v1/slos/" + name + "/events", SloFixture.points(minute, 10, 7, 500)), 200); // replaces the last 10 minutes
        EventCounts before = lastHours(store, name);
        assertThat(before.total()).isEqualTo(180 * 500);
        assertThat(before.bad()).isEqualTo(170 * 3 + 10 * 7);

        BuiltInStore restarted = new BuiltInStore(jdbc, jdbcTemplate);
        restarted.afterSingletonsInstantiated();
        assertThat(lastHours(restarted, name)).isEqualTo(before);

        // a push through this replica reaches the other one at its next sync
        status(f.member().post("/api/v1/slos/" + name + "/events", SloFixture.points(minute, 2, 100, 500)), 200);
        EventCounts after = lastHours(store, name);
        assertThat(after).isNotEqualTo(before);
        assertThat(lastHours(restarted, name)).isEqualTo(before);
        assertThat(restarted.sync()).isPositive();
        assertThat(lastHours(restarted, name)).isEqualTo(after);

        int version = status(f.admin.get("/api/v1/slos/" + name), 200).json().get("version").asInt();
        status(f.member().delete("/api/v1/slos/" + name + "?version=" + version), 204);
        restarted.sync();
        assertThat(lastHours(restarted, name)).isEqualTo(EventCounts.NONE);
        assertThat(jdbc.sql("select count(*) from slo_event_minutes m join slos o on o.id = m.slo_id where o.name = ?")
                .param(name).query(Long.class).single()).isZero();
    }
}
