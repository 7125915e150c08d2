package dev.tandem;

import dev.tandem.cli.TandemCommand;
import java.util.Arrays;
import java.util.OptionalInt;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One jar, two faces: with no arguments (or only {@code --option=value} Spring arguments) it serves
 * Tandem; with a subcommand it is the {@code tandem} command line and never starts the web server.
 */
// Survey mail builds its own sender (survey.internal.MailServer): Boot's exists only when spring.mail.host is
// set, a condition that ahead-of-time processing would fix when the jar is built.
@SpringBootApplication(exclude = {MailSenderAutoConfiguration.class, MailSenderValidatorAutoConfiguration.class})
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class Tandem {

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("prepare")) {
            System.exit(ServerJvm.prepare()); // before picocli: like serving, it must not load Spring
        }
        if (TandemCommand.isCommandLine(args)) {
            System.exit(TandemCommand.run(Tandem.class, args));
        }
        String[] serverArgs = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
        // Decided before anything of Spring is loaded: the launching JVM of a relaunch only waits.
        OptionalInt relaunched = ServerJvm.serve(serverArgs);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        TandemServer.start(serverArgs);
    }
}
