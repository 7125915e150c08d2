package dev.tandem.slo.cli;

import dev.tandem.slo.SloDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks OpenSLO v1 and Sloth prometheus/v1 files offline.",
                "Prints each problem as FILE:LINE: document N (Kind name), path: message; warnings name fields without effect.",
                "Exit 0 when valid, 2 when a file has problems or cannot be read."})
class SloValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "OpenSLO or Sloth YAML files")
    List<Path> files;

    @Override
    public Integer call() {
        List<SloDefinition> slos = DefinitionFiles.read(files, spec.commandLine().getErr(), true);
        if (slos == null) {
            return SloCommand.USAGE;
        }
        for (SloDefinition slo : slos) {
            spec.commandLine().getOut().println("valid: SLO " + slo.name() + " (service " + slo.service() + ", objective "
                    + slo.objective().target() + ", " + slo.timeWindow().duration() + " " + slo.budgetingMethod().openSloName() + ")");
        }
        spec.commandLine().getOut().println(slos.size() + " SLO(s) in " + files.size() + " file(s), no problems");
        return SloCommand.OK;
    }
}
