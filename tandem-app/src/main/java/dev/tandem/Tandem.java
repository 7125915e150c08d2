package dev.tandem;

import dev.tandem.cli.TandemCommand;
import dev.tandem.shared.Settings;
import java.util.OptionalInt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One jar, two faces: with no arguments (or only {@code --option=value} Spring arguments) it serves
 * Tandem; with a subcommand it is the {@code tandem} command line and never starts the web server.
 */
@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class Tandem {

    public static void main(String[] args) {
        if (TandemCommand.isCommandLine(args)) {
            System.exit(TandemCommand.run(Tandem.class, args));
        }
        serve(args.length > 0 && args[0].equals("serve") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
    }

    static void serve(String[] args) {
        OptionalInt relaunched = ServerJvm.serve(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        ClassPreloader.start();
        Settings.applyEnvironment();
        SpringApplication application = new SpringApplication(Tandem.class);
        StartupReport report = StartupReport.fromSystemProperty();
        if (report != null) {
            application.setApplicationStartup(report.startup());
        }
        var context = application.run(args);
        if (report != null) {
            report.print(context);
        }
    }
}
