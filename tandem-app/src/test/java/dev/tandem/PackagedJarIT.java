package dev.tandem;

import dev.tandem.support.Api;
import dev.tandem.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as it serves in production: from the bean definitions Spring AOT generated at build time
 * ({@link AheadOfTime}), which the other integration tests do not use (they build their contexts the ordinary
 * way). It loads the demo organisation, answers the API, the OpenAPI description, the sign-in page and the
 * metrics, and imports a descriptor, on this run's database: embedded H2, or a fresh schema on the
 * PostgreSQL server given to TANDEM_DATABASE_URL as an operator would.
 */
class PackagedJarIT {

    private static final Path JAR = PackagedJar.JAR;
    private static final String PASSWORD = "packaged-jar-it-password";

    @TempDir
    Path dir;

    @Test
    void theAheadOfTimeProcessedServerWorksOnThisRunsDatabase() throws Exception {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").isRegularFile();
        String schema = null;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toString()));
        int port = PackagedJar.freePort();
        command.add("--server.port=" + port);
        Path log = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TANDEM_") || name.startsWith("SPRING_")
                || name.endsWith("JAVA_OPTIONS"));
        builder.environment().put("TANDEM_RELAUNCH", "false"); // ServerJvmIT covers the relaunch
        builder.environment().put("TANDEM_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("TANDEM_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("TANDEM_DEMO", "true");
        String url = System.getenv().getOrDefault("TANDEM_IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("TANDEM_IT_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("TANDEM_IT_POSTGRES_PASSWORD", "");
        if (TestDatabase.postgres()) {
            schema = "jar_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(url, user, password, "create schema " + schema);
            builder.environment().put("TANDEM_DATABASE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            builder.environment().put("TANDEM_DATABASE_USERNAME", user);
            builder.environment().put("TANDEM_DATABASE_PASSWORD", password);
        }
        Process server = builder.start();
        try {
            PackagedJar.awaitReady(server, port, log, Duration.ofMinutes(3));
            String output = Files.readString(log);
            assertThat(output).as("started from the generated bean definitions").contains("Starting AOT-processed Tandem")
                    .doesNotContain("starting without the ahead-of-time bean definitions");
            assertThat(output).contains(TestDatabase.postgres() ? "PostgreSQL" : "H2");

            Api admin = Api.at(port).basic("admin", PASSWORD);
            Api.Response services = admin.get("/api/v1/services?size=5&sort=name");
            assertThat(services.status()).as(services.body()).isEqualTo(200);
            assertThat(services.json().get("totalItems").asInt()).as("the demo organisation").isGreaterThanOrEqualTo(12);
            assertThat(services.json().get("items").size()).isEqualTo(5);

            assertThat(admin.post("/api/v1/teams", Api.json(java.util.Map.of("name", "aot-team", "displayName", "AOT team")))
                    .status()).isEqualTo(201);
            Api.Response imported = admin.postYaml("/api/v1/catalog/import", """
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: aot-service
                    spec:
                      type: service
                      lifecycle: production
                      owner: group:default/aot-team
                    """);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("created").asInt()).isEqualTo(1);
            assertThat(admin.get("/api/v1/services/aot-service").json().get("owner").asString()).isEqualTo("aot-team");

            Api.Response bad = admin.postYaml("/api/v1/catalog/import", "kind: [unclosed");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.header("Content-Type")).startsWith("application/problem+json");

            assertThat(Api.at(port).get("/api/v1/services").status()).as("no credentials").isEqualTo(401);
            Api.Response docs = Api.at(port).get("/v3/api-docs");
            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.body()).contains("/api/v1/services");
            Api.Response signIn = Api.at(port).get("/login");
            assertThat(signIn.status()).isEqualTo(200);
            assertThat(signIn.body()).contains("name=\"_csrf\"");
            assertThat(admin.get("/actuator/prometheus").body()).contains("http_server_requests_seconds_count");
        } finally {
            server.destroy();
            assertThat(server.waitFor(2, TimeUnit.MINUTES)).as("stops on SIGTERM").isTrue();
            if (schema != null) {
                execute(url, user, password, "drop schema " + schema + " cascade");
            }
        }
        assertThat(Files.readString(log)).contains("Graceful shutdown complete");
    }

    private static void execute(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
