package dev.tandem.slo.format;

/**
 * A problem found in a definitions file, located precisely enough to fix it.
 *
 * @param document 1-based YAML document number
 * @param line     1-based line, or 0 when unknown
 * @param kind     the object's kind ({@code SLO}, {@code SLI}, …) or null when unknown
 * @param name     the object's {@code metadata.name} (or Sloth SLO name) or null
 * @param path     field path inside the object, e.g. {@code spec.objectives[0].target}
 */
public record SloProblem(int document, int line, String kind, String name, String path, String message) {

    /** {@code document 2 (SLO checkout), line 14, spec.objectives[0].target: …} */
    @Override
    public String toString() {
        return where() + (line > 0 ? ", line " + line : "") + (path == null || path.isEmpty() ? "" : ", " + path) + ": " + message;
    }

    /** {@code document 2 (SLO checkout)} */
    public String where() {
        String what = kind == null ? "" : " (" + kind + (name == null ? "" : " " + name) + ")";
        return "document " + document + what;
    }
}
