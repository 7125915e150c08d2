package dev.tandem;

import dev.tandem.shared.Settings;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
            // `tandem prepare`'s training start: a few requests load the classes that the first requests of a
            // real start need (the health probe among them); stopping then writes the class archive.
            String port = context.getEnvironment().getProperty("local.server.port");
            warmUp(port, context.getEnvironment().getProperty("local.management.port", port));
            System.exit(SpringApplication.exit(context));
        }
        if (report != null) {
            report.print();
        }
    }

    private static void warmUp(String port, String managementPort) {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/login", "/", "/api/v1/services"}) {
            String to = path.startsWith("/actuator/") ? managementPort : port;
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path)).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                return; // the archive is written all the same, with fewer classes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
