package dev.tandem.slo.format;

import dev.tandem.slo.SloDefinition;

import java.util.List;

/**
 * What a definitions file holds: all of it when {@link #problems()} is empty, nothing otherwise.
 * {@code warnings} name fields that were read but have no effect in Tandem; they do not block an import.
 */
public record SloImport(OpenSloDocuments documents, List<SloProblem> problems, List<SloProblem> warnings) {

    public SloImport {
        problems = sorted(problems);
        warnings = sorted(warnings);
        if (!problems.isEmpty()) {
            documents = OpenSloDocuments.EMPTY;
        }
    }

    /** In file order: by document, then line (stable, so problems on one line keep the order they were found in). */
    private static List<SloProblem> sorted(List<SloProblem> list) {
        List<SloProblem> copy = new java.util.ArrayList<>(list);
        copy.sort(java.util.Comparator.comparingInt(SloProblem::document).thenComparingInt(SloProblem::line));
        return List.copyOf(copy);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public List<SloDefinition> slos() {
        return documents.slos();
    }
}
