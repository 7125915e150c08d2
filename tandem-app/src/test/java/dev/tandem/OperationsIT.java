package dev.tandem;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Test
    void livenessAndReadinessAreUpWithoutSigningIn() {
        Api api = Api.at(port);
        assertThat(api.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsIncludeJvmAndHttpServerFigures() {
        Api api = Api.at(port);
        api.admin().get("/api/v1/teams");
        String metrics = api.get("/actuator/prometheus").body();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
    }

    @Test
    void openApiDescribesTheCatalogEndpoints() {
        Api.Response docs = Api.at(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/services", "/api/v1/services/{name}", "/api/v1/teams", "/api/v1/catalog/import",
                        "/api/v1/tokens", "/api/v1/audit");
    }

    @Test
    void unknownApiRoutesAndMethodsAnswerWithProblemDetails() {
        Api.Response missing = Api.at(port).admin().get("/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        Api.Response method = Api.at(port).admin().put("/api/v1/catalog/export", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("Content-Type")).startsWith("application/problem+json");
        assertThat(method.header("Allow")).contains("GET");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        Api.Response env = Api.at(port).admin().get("/actuator/env");
        assertThat(env.status()).isNotEqualTo(200);
        assertThat(env.body()).doesNotContain("spring.datasource");
    }
}
