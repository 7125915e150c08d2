package dev.tandem.slo.cli;

import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.prometheus.PrometheusRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Generates Prometheus recording and alerting rules for the SLOs in the files.",
                "SLOs that read Tandem's built-in store have no Prometheus queries and are skipped (with a note).",
                "Exit 0 on success, 1 when no rules could be generated, 2 when a file is invalid."})
class SloRulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "OpenSLO or Sloth YAML files")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the rules file here instead of to standard output")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<SloDefinition> slos = DefinitionFiles.read(files, err, false);
        if (slos == null) {
            return SloCommand.USAGE;
        }
        List<SloDefinition> withQueries = new ArrayList<>();
        for (SloDefinition slo : slos) {
            if (slo.indicator().readsBuiltInStore()) {
                err.println("note: SLO " + slo.name() + " reads Tandem's built-in store; it has no Prometheus rules");
            } else {
                withQueries.add(slo);
            }
        }
        if (withQueries.isEmpty()) {
            err.println("no SLO with Prometheus queries: nothing to generate");
            return SloCommand.FAILURE;
        }
        String rules;
        try {
            rules = PrometheusRules.generate(withQueries);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return SloCommand.FAILURE;
        }
        if (output == null) {
            spec.commandLine().getOut().print(rules);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, rules, StandardCharsets.UTF_8);
            err.println("wrote rules for " + withQueries.size() + " SLO(s) to " + output);
        }
        return SloCommand.OK;
    }
}
