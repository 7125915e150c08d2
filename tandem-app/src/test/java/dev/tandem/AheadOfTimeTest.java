package dev.tandem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AheadOfTimeTest {

    @TempDir
    Path dir;

    private Optional<String> reason(List<String> args, Map<String, String> systemProperties, Map<String, String> env) {
        Properties properties = new Properties();
        properties.putAll(systemProperties);
        return AheadOfTime.reasonAgainst(args, properties, env, dir);
    }

    @Test
    void tandemsOwnSettingsAndTheConnectionSettingsKeepTheAheadOfTimeDefinitions() {
        Map<String, String> env = Map.of("TANDEM_DATABASE_URL", "jdbc:postgresql://db/tandem", "TANDEM_DEMO", "true",
                "SPRING_DATASOURCE_PASSWORD", "secret", "SPRING_MAIL_HOST", "smtp.example.com", "SERVER_PORT", "9000",
                "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "4", "LOGGING_LEVEL_ROOT", "warn", "PATH", "/usr/bin",
                "HOME", "/root", "JAVA_TOOL_OPTIONS", "-Xmx512m");
        Map<String, String> systemProperties = Map.of("java.home", "/jdk", "user.dir", "/srv", "tandem.preload-classes", "false",
                "server.tomcat.threads.max", "8", "logging.structured.format.console", "logstash",
                "spring.datasource.hikari.maximumPoolSize", "4", "server.ssl.key-store", "/etc/tandem.p12");
        List<String> args = List.of("--server.port=9090", "--spring.mail.port=2525", "--tandem.public-url=https://t.example",
                "serve-not-an-option");

        assertThat(reason(args, systemProperties, env)).isEmpty();
    }

    @Test
    void aSettingThatMaySwitchComponentsOnOrOffIsNamed() {
        assertThat(reason(List.of("--springdoc.api-docs.enabled=false"), Map.of(), Map.of()))
                .contains("--springdoc.api-docs.enabled is given");
        assertThat(reason(List.of("--debug"), Map.of(), Map.of())).contains("--debug is given");
        assertThat(reason(List.of(), Map.of("spring.profiles.active", "prod"), Map.of()))
                .contains("-Dspring.profiles.active is set");
        assertThat(reason(List.of(), Map.of(), Map.of("MANAGEMENT_SERVER_PORT", "9091")))
                .contains("the environment variable MANAGEMENT_SERVER_PORT is set");
        assertThat(reason(List.of(), Map.of(), Map.of("SPRING_APPLICATION_JSON", "{}")))
                .contains("the environment variable SPRING_APPLICATION_JSON is set");
        assertThat(reason(List.of(), Map.of(), Map.of("SPRING_CONFIG_ADDITIONAL_LOCATION", "/etc/tandem/")))
                .as("a configuration file elsewhere may say anything")
                .contains("the environment variable SPRING_CONFIG_ADDITIONAL_LOCATION is set");
        assertThat(reason(List.of(), Map.of("spring.datasource.type", "x"), Map.of()))
                .as("only the connection itself is read at start; the pool type decides a bean")
                .contains("-Dspring.datasource.type is set");
    }

    @Test
    void relaxedFormsOfAKeyAreRecognised() {
        assertThat(AheadOfTime.decidesBeans("server.max-http-request-header-size")).isFalse();
        assertThat(AheadOfTime.decidesBeans("SERVER_MAX_HTTP_REQUEST_HEADER_SIZE")).isFalse();
        assertThat(AheadOfTime.decidesBeans("server.forward-headers-strategy")).isTrue();
        assertThat(AheadOfTime.decidesBeans("SERVER_FORWARD_HEADERS_STRATEGY")).isTrue();
        assertThat(AheadOfTime.decidesBeans("Spring.Profiles.Active")).isTrue();
        assertThat(AheadOfTime.decidesBeans("springdoc.swagger-ui.enabled")).isTrue();
        assertThat(AheadOfTime.decidesBeans("debugger.port")).as("not a Spring setting").isFalse();
        assertThat(AheadOfTime.decidesBeans("tandem.demo")).isFalse();
        assertThat(AheadOfTime.decidesBeans("server.maxHttpRequestHeaderSize")).as("camel case").isFalse();
        assertThat(AheadOfTime.decidesBeans("SERVER_MAXHTTPREQUESTHEADERSIZE")).isFalse();
        assertThat(AheadOfTime.decidesBeans("spring.flyway.url")).as("Flyway's own connection, as prepare passes it").isFalse();
        assertThat(AheadOfTime.decidesBeans("spring.flyway.enabled")).isTrue();
        assertThat(AheadOfTime.decidesBeans("spring.aot.processing")).isFalse();
    }

    @Test
    void aConfigurationFileInTheWorkingDirectoryIsNamed() throws IOException {
        assertThat(reason(List.of(), Map.of(), Map.of())).isEmpty();
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.yml"), "management:\n  server:\n    port: 9091\n");

        assertThat(reason(List.of(), Map.of(), Map.of())).contains(dir.resolve("config/application.yml") + " exists");

        Files.writeString(dir.resolve("application.properties"), "spring.profiles.active=prod\n");
        assertThat(reason(List.of(), Map.of(), Map.of())).contains(dir.resolve("application.properties") + " exists");
    }

    @Test
    void everyFileSpringBootReadsFromTheWorkingDirectoryCounts() throws IOException {
        for (String file : List.of("application-default.properties", "application.xml", "config/prod/application.yaml")) {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "");
            assertThat(reason(List.of(), Map.of(), Map.of())).as(file).contains(path + " exists");
            Files.delete(path);
        }
        Files.writeString(dir.resolve("notes.properties"), "");
        assertThat(reason(List.of(), Map.of(), Map.of())).as("not a file Boot reads").isEmpty();
    }
}
