package dev.tandem.slo;

import dev.tandem.support.Api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team with services and one user per part: a member of the team, a member of another team, an SRE and
 * a viewer, each with an API token. Names carry a run id, since integration tests share a context.
 */
public final class SloFixture {

    public final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    public final Api admin;
    final String team = "st-" + run;
    final Map<String, Api> users = new LinkedHashMap<>();
    final int port;

    public SloFixture(int port) {
        this.port = port;
        admin = Api.at(port).admin();
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", team))), 201);
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", "other-" + team))), 201);
        user("member", "MEMBER", team);
        user("outsider", "MEMBER", "other-" + team);
        user("sre", "SRE", null);
        user("viewer", "VIEWER", null);
    }

    public Api member() {
        return users.get("member");
    }

    Api as(String part) {
        return users.get(part);
    }

    private void user(String part, String role, String memberOf) {
        String username = part + "-" + run;
        status(admin.post("/api/v1/users", Api.json(Map.of("username", username, "role", role,
                "password", "password-of-" + username))), 201);
        status(admin.post("/api/v1/people", Api.json(Map.of("name", username, "role", "ENGINEER"))), 201);
        if (memberOf != null) {
            status(admin.put("/api/v1/teams/" + memberOf + "/members/" + username, "{}"), 200);
        }
        users.put(part, Api.at(port).bearer(admin.tokenFor(username)));
    }

    public String service(String base, String level) {
        String name = base + "-" + run;
        status(admin.post("/api/v1/services", Api.json(Map.of("name", name, "owner", team, "readinessLevel", level,
                "lifecycle", "production", "type", "service"))), 201);
        return name;
    }

    /** An OpenSLO SLO on the built-in store: 30-day rolling window, occurrences, default alert tiers. */
    public static String builtIn(String name, String service, String target, String owner) {
        return """
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: %s
                %s
                spec:
                  service: %s
                  indicator:
                    metadata:
                      name: %s-requests
                    spec:
                      ratioMetric:
                        counter: true
                        good:
                          metricSource:
                            type: Tandem
                        total:
                          metricSource:
                            type: Tandem
                  timeWindow:
                    - duration: 30d
                      isRolling: true
                  budgetingMethod: Occurrences
                  objectives:
                    - target: %s
                """.formatted(name, owner == null ? "" : "  annotations:\n    tandem.dev/owner: " + owner, service, name, target);
    }

    /** An OpenSLO DataSource of type Prometheus at {@code url}, followed by a document separator. */
    public static String dataSource(String name, String url) {
        return """
                apiVersion: openslo/v1
                kind: DataSource
                metadata:
                  name: %s
                spec:
                  type: Prometheus
                  connectionDetails:
                    url: %s
                ---
                """.formatted(name, url);
    }

    /** An OpenSLO SLO on Prometheus (bad ÷ total of http_requests_total), with its DataSource at {@code url}. */
    public static String prometheus(String name, String service, String job, String url) {
        return dataSource("prom-" + name, url) + """
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: %s
                  annotations:
                    tandem.dev/owner: sre-team
                spec:
                  service: %s
                  indicator:
                    metadata:
                      name: %s-requests
                    spec:
                      ratioMetric:
                        counter: true
                        bad:
                          metricSource:
                            metricSourceRef: prom-%s
                            spec:
                              query: http_requests_total{job="%s",code="500"}
                        total:
                          metricSource:
                            metricSourceRef: prom-%s
                            spec:
                              query: http_requests_total{job="%s"}
                  timeWindow:
                    - duration: 30d
                      isRolling: true
                  budgetingMethod: Occurrences
                  objectives:
                    - target: 0.999
                """.formatted(name, service, name, name, job, name, job);
    }

    /** {@code minutes} minute points ending at the current minute, each with {@code bad} of {@code total} events. */
    public static String points(int minutes, long bad, long total) {
        return points(Instant.now().getEpochSecond() / 60 * 60, minutes, bad, total);
    }

    /** {@code minutes} minute points ending at the minute starting at {@code now} (epoch seconds). */
    public static String points(long now, int minutes, long bad, long total) {
        StringBuilder b = new StringBuilder("[");
        for (int i = minutes - 1; i >= 0; i--) {
            b.append(b.length() > 1 ? "," : "").append("{\"timestamp\":\"").append(Instant.ofEpochSecond(now - i * 60L))
                    .append("\",\"bad\":").append(bad).append(",\"total\":").append(total).append('}');
        }
        return b.append(']').toString();
    }

    static dev.tandem.slo.SloDefinition definition(String yaml) {
        return dev.tandem.slo.format.SloFiles.read(yaml).slos().get(0);
    }

    public static Api.Response status(Api.Response r, int expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r;
    }
}
