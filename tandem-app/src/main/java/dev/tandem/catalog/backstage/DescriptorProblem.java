package dev.tandem.catalog.backstage;

/**
 * One thing wrong with a descriptor file, precise enough for an author to find and fix it.
 *
 * @param index document index (0-based), or -1 when the problem concerns the whole file
 * @param line  1-based line of the offending node, or {@code null} when unknown
 * @param kind  the document's kind when known
 * @param name  the document's {@code metadata.name} when known
 * @param path  the field path such as {@code spec.owner} or {@code metadata.links[2].url};
 *              empty for the document (or file) as a whole
 */
public record DescriptorProblem(int index, Integer line, String kind, String name, String path, String message) {

    /**
     * A one-line rendering for logs, exception messages and command-line output. Documents are
     * numbered from 1 here, because this text is read by people, while {@link #index()} stays 0-based.
     */
    public String summary() {
        StringBuilder out = new StringBuilder();
        if (index >= 0) {
            out.append("document ").append(index + 1);
            if (kind != null || name != null) {
                out.append(" (").append(kind == null ? "?" : kind).append(' ')
                        .append(name == null ? "?" : name).append(')');
            }
        } else {
            out.append("file");
        }
        if (line != null) {
            out.append(", line ").append(line);
        }
        out.append(": ");
        if (path != null && !path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
