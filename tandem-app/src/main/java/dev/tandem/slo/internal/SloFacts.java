package dev.tandem.slo.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.Fact;
import dev.tandem.readiness.FactCollector;
import dev.tandem.readiness.Facts;
import dev.tandem.slo.SloReport;
import dev.tandem.slo.SlosChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Readiness facts from the SLO registry (source {@code slo}): whether the service has an SLO, whether every
 * SLO names an owner, whether every target fits the service's readiness level (A above 99.9 %, B from
 * 99 % to 99.9 %, C from 95 % up to 99 %), and whether Prometheus accepts every SLO's queries (an SLO whose
 * query it refuses measures nothing). Collected with the other collectors, and again whenever the service's
 * SLOs change or a query starts or stops being refused ({@link SlosChanged}), so readiness pages follow at once.
 */
@Component
class SloFacts implements FactCollector {

    static final BigDecimal P95 = new BigDecimal("0.95");
    static final BigDecimal P99 = new BigDecimal("0.99");
    static final BigDecimal P999 = new BigDecimal("0.999");

    private final JdbcClient jdbc;
    private final Services services;
    private final Facts facts;

    SloFacts(JdbcClient jdbc, Services services, Facts facts) {
        this.jdbc = jdbc;
        this.services = services;
        this.facts = facts;
    }

    @Override
    public String source() {
        return "slo";
    }

    private record Row(String name, String owner, double target, String dataState, String dataReason) {
    }

    @Override
    public List<Fact> collect(Service service) {
        Instant now = Instant.now();
        List<Row> rows = jdbc.sql("""
                        select o.name, o.owner, o.target, st.data_state, st.data_reason
                        from slos o left join slo_states st on st.slo_id = o.id where o.service_id = ? order by o.name""")
                .param(service.id()).query((rs, n) -> new Row(rs.getString("name"), rs.getString("owner"), rs.getDouble("target"),
                        rs.getString("data_state"), rs.getString("data_reason")))
                .list();
        if (rows.isEmpty()) {
            return List.of(
                    fact("slo.defined", CheckStatus.FAIL, "no SLO is defined for " + service.name(), now),
                    fact("slo.owner", CheckStatus.FAIL, "no SLO is defined, so none names an owner", now),
                    fact("slo.target-consistent", CheckStatus.FAIL, "no SLO is defined, so no target can match level "
                            + service.readinessLevel().name(), now),
                    fact(QUERIES_ACCEPTED, CheckStatus.FAIL, "no SLO is defined, so nothing is measured", now));
        }
        List<String> names = rows.stream().map(Row::name).toList();
        List<String> unowned = rows.stream().filter(r -> r.owner() == null || r.owner().isBlank()).map(Row::name).toList();
        List<String> inconsistent = new ArrayList<>();
        for (Row r : rows) {
            if (!fits(service.readinessLevel(), BigDecimal.valueOf(r.target()))) {
                inconsistent.add(r.name() + " (" + BigDecimal.valueOf(r.target()).movePointRight(2).stripTrailingZeros().toPlainString() + " %)");
            }
        }
        ReadinessLevel level = service.readinessLevel();
        return List.of(
                fact("slo.defined", CheckStatus.PASS, rows.size() + " SLO(s): " + String.join(", ", names), now),
                fact("slo.owner", unowned.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL, unowned.isEmpty()
                        ? "every SLO names an owner" : "no owner named on: " + String.join(", ", unowned), now),
                fact("slo.target-consistent", inconsistent.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL,
                        inconsistent.isEmpty() ? "every target fits level " + level.name() + " (" + level.slo() + ")"
                                : "level " + level.name() + " asks for an " + level.slo() + "; not: " + String.join(", ", inconsistent),
                        now),
                queriesAccepted(rows, now));
    }

    static final String QUERIES_ACCEPTED = "slo.queries-accepted";

    /** Fails while Prometheus refuses a query of any of the service's SLOs, as their last evaluation found. */
    private Fact queriesAccepted(List<Row> rows, Instant now) {
        List<String> refused = new ArrayList<>();
        for (Row r : rows) {
            if (SloReport.QUERY_REJECTED.equals(r.dataState())) {
                refused.add(r.name() + (r.dataReason() == null ? "" : " (" + r.dataReason() + ")"));
            }
        }
        if (!refused.isEmpty()) {
            return fact(QUERIES_ACCEPTED, CheckStatus.FAIL, "Prometheus refuses the queries of: " + String.join("; ", refused), now);
        }
        return fact(QUERIES_ACCEPTED, CheckStatus.PASS, "no SLO's query was refused at its last evaluation", now);
    }

    static boolean fits(ReadinessLevel level, BigDecimal target) {
        return switch (level) {
            case A -> target.compareTo(P999) > 0;
            case B -> target.compareTo(P99) >= 0 && target.compareTo(P999) <= 0;
            case C -> target.compareTo(P95) >= 0 && target.compareTo(P99) < 0;
        };
    }

    private Fact fact(String key, CheckStatus outcome, String details, Instant now) {
        return new Fact(key, outcome, null, details, source(), now, null);
    }

    @EventListener
    void on(SlosChanged changed) {
        services.find(changed.service()).ifPresent(s -> facts.replace(s.id(), s.name(), source(), collect(s)));
    }
}
