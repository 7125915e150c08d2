package dev.tandem.cli;

import dev.tandem.catalog.backstage.DescriptorException;
import dev.tandem.catalog.backstage.DescriptorProblem;
import dev.tandem.catalog.backstage.DescriptorReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Checks files offline, as a CI step before merging a catalog change. References between entities are
 * only checked by an import, which knows what the catalog already holds.
 */
@Command(name = "validate", description = "Check catalog-info.yaml files offline: syntax, kinds, required fields, names. "
        + "Exit 0 when valid, 1 when a file has problems, 2 on a usage error.", mixinStandardHelpOptions = true)
class CatalogValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "catalog-info.yaml files")
    List<Path> files;

    @Override
    public Integer call() {
        int status = 0;
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println(file + ": cannot read: " + e.getMessage());
                return 2;
            }
            try {
                int count = new DescriptorReader().read(text).size();
                System.out.println(file + ": ok, " + count + " entities");
            } catch (DescriptorException e) {
                status = 1;
                for (DescriptorProblem p : e.problems()) {
                    System.out.println(file + (p.line() == null ? "" : ":" + p.line()) + ": " + p.summary());
                }
            }
        }
        return status;
    }
}
