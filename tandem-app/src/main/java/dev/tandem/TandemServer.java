package dev.tandem;

import dev.tandem.shared.Settings;
import org.springframework.boot.SpringApplication;

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
        application.run(args);
        if (report != null) {
            report.print();
        }
    }
}
