package dev.tandem.cli;

import dev.tandem.checks.cli.CheckCommand;
import dev.tandem.slo.cli.SloCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/**
 * The {@code tandem} command line. Subcommands run without the web server; {@code serve} (or no
 * arguments at all) starts it.
 */
@Command(name = "tandem", mixinStandardHelpOptions = true, versionProvider = TandemCommand.Version.class,
        description = "Tandem: the platform an Embedded SRE program runs on.",
        subcommands = {ServeCommand.class, PrepareCommand.class, CatalogCommand.class, CheckCommand.class, SloCommand.class})
public class TandemCommand {

    private static final Set<String> OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /**
     * True when the arguments name a subcommand (or ask for help or the version) rather than only
     * Spring {@code --key=value} settings for the server.
     */
    public static boolean isCommandLine(String[] args) {
        if (args.length == 0 || args[0].equals("serve")) {
            return false;
        }
        return OPTIONS.contains(args[0]) || !args[0].startsWith("-");
    }

    /** Runs the command line; {@code application} is the Spring Boot class that local commands start. */
    public static int run(Class<?> application, String[] args) {
        LocalContext.application = application;
        return commandLine().execute(args);
    }

    /**
     * The command tree. {@code slo import} and {@code slo push} need the application (its database or its
     * API), so they are added here to the engine's {@code slo} command, which stays free of Spring.
     */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new TandemCommand());
        CommandLine slo = line.getSubcommands().get("slo");
        slo.getCommandSpec().usageMessage().description("Validate OpenSLO and Sloth files, generate Prometheus rules and "
                + "evaluate counts offline; import SLOs into Tandem and push SLI counts to it.");
        slo.addSubcommand("import", new SloImportCommand());
        slo.addSubcommand("push", new SloPushCommand());
        return line;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TandemCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tandem " + (v == null ? "development build" : v)};
        }
    }
}
