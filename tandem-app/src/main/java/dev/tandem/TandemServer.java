package dev.tandem;

import dev.tandem.shared.Settings;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the web server in this JVM. Kept apart from {@link Tandem#main} so that deciding between the
 * command line, a relaunch and serving here loads (and verifies) nothing of Spring.
 */
final class TandemServer {

    private TandemServer() {
    }

    static void start(String[] args) {
        AheadOfTime.decide(args); // Spring logs "Starting AOT-processed Tandem" when it is on
        if (System.getProperty("spring.aot.processing") == null) {
            ClassPreloader.start();
        }
        Settings.applyEnvironment();
        SpringApplication application = new SpringApplication(Tandem.class);
        StartupReport report = StartupReport.fromSystemProperty();
        if (report != null) {
            application.setApplicationStartup(report.startup());
        }
        ConfigurableApplicationContext context = application.run(args);
        if (Boolean.getBoolean(ServerJvm.TRAINING_PROPERTY)) {
            // `tandem prepare`'s training start: ready means every class of a start is loaded; stopping now
            // writes the class archive.
            System.exit(SpringApplication.exit(context));
        }
        if (report != null) {
            report.print();
        }
    }
}
