package dev.tandem.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the scale harness: {@code java -jar bench/target/tandem-bench.jar <command>}. */
@Command(
        name = "tandem-bench",
        mixinStandardHelpOptions = true,
        version = "tandem-bench 0.1",
        description = "Scale harness for Tandem: generates a large catalogue, loads it, and measures the server.",
        subcommands = {
                GenerateCommand.class,
                LoadCommand.class,
                WaitHealthyCommand.class,
                LoadTestCommand.class,
                ReadinessCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Harness implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Harness());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
