package dev.tandem.slo.cli;

import picocli.CommandLine.Command;

/**
 * {@code tandem slo …}: SLO definitions on the command line, without a server. Exit codes: 0 ok,
 * 1 failure, 2 usage or parse error (including an invalid definitions file).
 */
@Command(name = "slo", mixinStandardHelpOptions = true,
        description = "Validate OpenSLO and Sloth files, generate Prometheus rules, evaluate pushed events.",
        subcommands = {SloValidateCommand.class, SloRulesCommand.class, SloStatusCommand.class})
public class SloCommand {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
}
