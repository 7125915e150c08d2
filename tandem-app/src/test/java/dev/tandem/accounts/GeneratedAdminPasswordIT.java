package dev.tandem.accounts;

import dev.tandem.support.Api;
import dev.tandem.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start without {@code TANDEM_ADMIN_PASSWORD}: a context of its own (a fresh database), whose
 * start-up log is captured from the beginning. The context is closed afterwards: no other class uses it.
 *
 * <p>{@link TestDatabase} puts {@code tandem.admin-password} in a property source added first, which
 * outranks {@code @TestPropertySource} and {@code @SpringBootTest(properties)} (tried: the configured
 * password stayed in force). So this class's initializer runs it and then adds, first again, an empty
 * password: exactly what an unset {@code TANDEM_ADMIN_PASSWORD} gives.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = GeneratedAdminPasswordIT.WithoutAdminPassword.class)
@Import(TestDatabase.CleanMigrate.class)
@DirtiesContext
class GeneratedAdminPasswordIT {

    private static final Pattern GENERATED = Pattern.compile("generated password:\\s*\\R\\s*\\R\\s*(\\S+)");

    static final class WithoutAdminPassword implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            new TestDatabase().initialize(context);
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("no-admin-password", Map.of("tandem.admin-password", "")));
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theFirstStartLogsAGeneratedPasswordOnceAndItSignsIn(CapturedOutput output) {
        String log = output.getAll();
        Matcher m = GENERATED.matcher(log);
        assertThat(m.find()).as("the start-up log names a generated password").isTrue();
        String password = m.group(1);

        assertThat(password.length()).isGreaterThanOrEqualTo(20);
        assertThat(password).isNotEqualTo(TestDatabase.ADMIN_PASSWORD);
        assertThat(occurrences(log, password)).as("times the password appears in the log").isEqualTo(1);

        Api.Response me = Api.at(port).basic("admin", password).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("admin");
        assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");

        assertThat(Api.at(port).admin().get("/api/v1/me").status())
                .as("the test suite's configured password is not in force here").isEqualTo(401);
        assertThat(occurrences(output.getAll(), password)).as("signing in does not log the password").isEqualTo(1);
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
