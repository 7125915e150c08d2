package dev.tandem.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Chooses the database of an integration test run from the system property {@code tandem.it.database}
 * ({@code h2}, the default, or {@code postgres}). On PostgreSQL each application context gets a schema
 * of its own, emptied and migrated at start, so runs never see each other's data.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_PASSWORD = "it-admin-password-0123";

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("tandem.it.database"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> props = new HashMap<>();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (postgres()) {
            String url = System.getenv().getOrDefault("TANDEM_IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String schema = "it_" + id;
            props.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            props.put("spring.datasource.username", System.getenv().getOrDefault("TANDEM_IT_POSTGRES_USER", "postgres"));
            props.put("spring.datasource.password", System.getenv().getOrDefault("TANDEM_IT_POSTGRES_PASSWORD", ""));
            props.put("spring.flyway.schemas", schema);
            props.put("spring.flyway.create-schemas", "true");
        } else {
            props.put("spring.datasource.url", "jdbc:h2:mem:it_" + id + ";DB_CLOSE_DELAY=-1");
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        }
        props.put("spring.flyway.clean-disabled", "false");
        props.put("tandem.admin-password", ADMIN_PASSWORD);
        props.put("tandem.demo", "false");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tandem-it-database", props));
    }

    /** Starts every test context from an empty schema. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class CleanMigrate {
        @Bean
        FlywayMigrationStrategy cleanMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
