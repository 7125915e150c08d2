package dev.tandem.checks;

/**
 * A file that could not be read as YAML.
 *
 * @param line 1-based line of the problem, or 0 when the file could not be read at all
 */
public record ParseProblem(String file, int line, String message) {

    /** {@code deploy/web.yaml:12: mapping values are not allowed here}. */
    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
}
