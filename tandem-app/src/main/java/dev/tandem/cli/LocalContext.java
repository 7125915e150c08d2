package dev.tandem.cli;

import dev.tandem.shared.Settings;
import dev.tandem.shared.Actor;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.function.Function;

/**
 * Runs work against the local database with the application's own components, but without the web
 * server: whoever can open the database is its administrator, so the work runs as the system actor.
 */
final class LocalContext {

    /** Set by {@link TandemCommand#run} so that this module need not depend on the application class. */
    static Class<?> application;

    private LocalContext() {
    }

    static <T> T run(Function<ConfigurableApplicationContext, T> work) {
        Settings.applyEnvironment();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN", "logging.level.dev.tandem=WARN")
                .run()) {
            return Actor.runAs(Actor.system(), () -> work.apply(context));
        }
    }
}
