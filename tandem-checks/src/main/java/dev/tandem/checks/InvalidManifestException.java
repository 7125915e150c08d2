package dev.tandem.checks;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when one or more files are not valid YAML; carries every problem found, each with its file and line. */
public class InvalidManifestException extends RuntimeException {

    private final transient List<ParseProblem> problems;

    public InvalidManifestException(List<ParseProblem> problems) {
        super(problems.stream().map(ParseProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ParseProblem> problems() {
        return problems;
    }

    /** The first problem's file. */
    public String file() {
        return problems.get(0).file();
    }

    /** The first problem's 1-based line (0 when the file could not be read). */
    public int line() {
        return problems.get(0).line();
    }
}
