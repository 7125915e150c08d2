package dev.tandem.readiness;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.shared.Actor;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Exemptions granted in Tandem (as opposed to the {@code tandem.dev/ignore} annotation in a manifest).
 * SREs and admins grant them, and the one who grants is recorded as the approver. Each needs a reason
 * and ends within a year; reports always show them.
 */
@Component
public class Exemptions {

    static final Duration MAX = Duration.ofDays(366);
    private static final String TYPE = "exemption";

    private final JdbcClient jdbc;
    private final Services services;
    private final ReadinessChecks checks;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Exemptions(JdbcClient jdbc, Services services, ReadinessChecks checks, AccessPolicy policy, AuditLog audit,
               ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.services = services;
        this.checks = checks;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
    }

    private static final RowMapper<Exemption> ROW = (rs, n) -> new Exemption(rs.getLong("id"), rs.getString("service_name"),
            rs.getString("check_id"), rs.getString("reason"), rs.getString("approver"),
            rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("created_at").toInstant());

    public List<Exemption> list(String serviceName) {
        Service service = services.get(serviceName);
        return forService(service.id());
    }

    public List<Exemption> forService(long serviceId) {
        return jdbc.sql("""
                select e.*, s.name service_name from check_exemptions e join services s on s.id = e.service_id
                where e.service_id = ? order by e.check_id""").param(serviceId).query(ROW).list();
    }

    @Transactional
    public Exemption grant(String serviceName, String checkId, String reason, Instant expiresAt) {
        policy.requireCurator();
        Service service = services.get(serviceName);
        List<FieldProblem> problems = new ArrayList<>();
        if (checkId == null || !checks.exists(checkId)) {
            problems.add(new FieldProblem("checkId", "unknown check '" + checkId + "'"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "say why the service is excused from this check"));
        } else if (reason.length() > 2000) {
            problems.add(new FieldProblem("reason", "at most 2000 characters"));
        }
        Instant now = Instant.now();
        if (expiresAt == null) {
            problems.add(new FieldProblem("expiresAt", "an exemption must end; give a date within a year"));
        } else if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX))) {
            problems.add(new FieldProblem("expiresAt", "must be in the future and within a year"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("delete from check_exemptions where service_id = ? and check_id = ?").params(service.id(), checkId).update();
        jdbc.sql("""
                insert into check_exemptions (service_id, check_id, reason, approver, expires_at, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(service.id(), checkId, reason.strip(), Actor.current().username(), Timestamp.from(expiresAt),
                        Timestamp.from(now))
                .update();
        Exemption granted = forService(service.id()).stream().filter(e -> e.checkId().equals(checkId)).findFirst().orElseThrow();
        audit.record("grant", TYPE, serviceName + "/" + checkId, reason, null, granted);
        events.publishEvent(new FactsChanged(service.id(), serviceName));
        return granted;
    }

    @Transactional
    public void revoke(String serviceName, String checkId) {
        policy.requireCurator();
        Service service = services.get(serviceName);
        Exemption before = forService(service.id()).stream().filter(e -> e.checkId().equals(checkId)).findFirst()
                .orElseThrow(() -> new NotFoundException(TYPE, serviceName + "/" + checkId));
        jdbc.sql("delete from check_exemptions where id = ?").param(before.id()).update();
        audit.record("revoke", TYPE, serviceName + "/" + checkId, null, before, null);
        events.publishEvent(new FactsChanged(service.id(), serviceName));
    }
}
