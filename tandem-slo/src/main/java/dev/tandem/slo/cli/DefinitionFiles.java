package dev.tandem.slo.cli;

import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.format.SloFiles;
import dev.tandem.slo.format.SloImport;
import dev.tandem.slo.format.SloProblem;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads definition files for the commands, printing problems as {@code FILE:LINE: document N (Kind name), path: message}. */
final class DefinitionFiles {

    /** All SLOs of all files, or null when any file could not be read or has problems (already printed). */
    static List<SloDefinition> read(List<Path> files, PrintWriter err, boolean printWarnings) {
        List<SloDefinition> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean ok = true;
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
                ok = false;
                continue;
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                ok = false;
                continue;
            }
            SloImport result = SloFiles.read(text);
            for (SloProblem p : result.problems()) {
                err.println(format(file, p, ""));
            }
            if (printWarnings) {
                for (SloProblem p : result.warnings()) {
                    err.println(format(file, p, "warning: "));
                }
            }
            ok &= result.isValid();
            for (SloDefinition slo : result.slos()) {
                if (!names.add(slo.name())) {
                    err.println(file + ": SLO " + slo.name() + " is defined in more than one file");
                    ok = false;
                }
                all.add(slo);
            }
        }
        return ok ? all : null;
    }

    static String format(Path file, SloProblem p, String prefix) {
        return file + ":" + p.line() + ": " + prefix + p.where() + (p.path() == null || p.path().isEmpty() ? "" : ", " + p.path()) + ": " + p.message();
    }

    private DefinitionFiles() {
    }
}
