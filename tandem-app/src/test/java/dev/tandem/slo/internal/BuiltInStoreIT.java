package dev.tandem.slo.internal;

import dev.tandem.slo.EventCounts;
import dev.tandem.slo.SloFixture;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
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

    @Autowired
    PlatformTransactionManager transactions;

    private static EventCounts lastHours(BuiltInStore s, String name) {
        Instant now = Instant.now();
        return s.source(name).counts(now.minus(Duration.ofHours(4)), now.plusSeconds(60));
    }

    /** A service and a built-in SLO on it (objective 0.999, owned by team-s); returns the SLO's name. */
    private static String importBuiltIn(SloFixture f, String prefix) {
        String service = f.service(prefix, "B");
        String name = prefix + "-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.999", "team-s")), 200);
        return name;
    }

    @Test
    void aRestartLosesNothingAndAnotherReplicaCatchesUp() {
        SloFixture f = new SloFixture(port);
        String name = importBuiltIn(f, "store");
        long minute = Instant.now().getEpochSecond() / 60 * 60;
        status(f.member().post("/api/v1/slos/" + name + "/events", SloFixture.points(minute, 180, 3, 500)), 200);
        status(f.member().post("/api/v1/slos/" + name + "/events", SloFixture.points(minute, 10, 7, 500)), 200); // replaces the last 10 minutes
        EventCounts before = lastHours(store, name);
        assertThat(before.total()).isEqualTo(180 * 500);
        assertThat(before.bad()).isEqualTo(170 * 3 + 10 * 7);

        BuiltInStore restarted = new BuiltInStore(jdbc, jdbcTemplate, transactions);
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

    /**
     * Five days of minutes, pushed oldest first: compaction rolls every whole hour older than the minute
     * horizon (3 d 2 h behind the newest minute) into one row, keeps the rest as minutes, and a store rebuilt
     * from the rows answers every window exactly as the store that took the pushes.
     */
    @Test
    void oldMinutesAreRolledUpIntoHoursAndStillCountExactly() {
        SloFixture f = new SloFixture(port);
        String name = importBuiltIn(f, "compact");
        long newest = Instant.now().getEpochSecond() / 60 * 60;
        int days = 5;
        for (int d = days - 1; d >= 0; d--) { // a day per push, oldest first; errors vary by day
            status(f.member().post("/api/v1/slos/" + name + "/events",
                    SloFixture.points(newest - d * 86_400L, 1440, d + 1, 100)), 200);
        }
        long id = jdbc.sql("select id from slos where name = ?").param(name).query(Long.class).single();
        assertThat(minuteRows(id)).isEqualTo(days * 1440);
        Instant now = Instant.ofEpochSecond(newest + 60);
        EventCounts all = store.source(name).counts(now.minus(Duration.ofDays(days)), now);
        EventCounts lastDay = store.source(name).counts(now.minus(Duration.ofDays(1)), now);
        // the window's ragged oldest hour counts whole or not at all (Series.partial): up to an hour less
        assertThat(all.total()).isBetween((days * 1440 - 60) * 100L, days * 1440 * 100L);

        BuiltInStore.Compaction done = store.compact(Instant.now());
        long hours = jdbc.sql("select count(*) from slo_event_hours where slo_id = ?").param(id).query(Long.class).single();
        assertThat(done.rolledUp()).isGreaterThanOrEqualTo(days * 1440 - (3 * 1440 + 3 * 60));
        assertThat(minuteRows(id)).isLessThanOrEqualTo(3 * 1440 + 3 * 60).isGreaterThanOrEqualTo(3 * 1440 + 2 * 60);
        assertThat(hours).isEqualTo(done.rolledUp() / 60 + (done.rolledUp() % 60 == 0 ? 0 : 1));
        assertThat(store.compact(Instant.now()).rolledUp()).as("a second run has nothing to do").isZero();

        BuiltInStore restarted = new BuiltInStore(jdbc, jdbcTemplate, transactions);
        restarted.afterSingletonsInstantiated();
        assertThat(restarted.source(name).counts(now.minus(Duration.ofDays(days)), now)).isEqualTo(all);
        assertThat(restarted.source(name).counts(now.minus(Duration.ofDays(1)), now)).isEqualTo(lastDay);
        assertThat(restarted.source(name).counts(now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(3))))
                .isEqualTo(store.source(name).counts(now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(3))));
    }

    private long minuteRows(long sloId) {
        return jdbc.sql("select count(*) from slo_event_minutes where slo_id = ?").param(sloId).query(Long.class).single();
    }
}
