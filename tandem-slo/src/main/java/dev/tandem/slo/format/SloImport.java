package dev.tandem.slo.format;

import dev.tandem.slo.SloDefinition;

import java.util.List;

/**
 * What a definitions file holds: all of it when {@link #problems()} is empty, nothing otherwise.
 * {@code warnings} name fields that were read but have no effect in Tandem; they do not block an import.
 */
public record SloImport(OpenSloDocuments documents, List<SloProblem> problems, List<SloProblem> warnings) {

    public SloImport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        if (!problems.isEmpty()) {
            documents = OpenSloDocuments.EMPTY;
        }
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public List<SloDefinition> slos() {
        return documents.slos();
    }
}
