package dev.tandem.shared;

import java.util.List;

/**
 * An uploaded document set was refused as a whole; nothing of it was written. The problems keep their
 * 0-based document index (the API's {@code index}); the message counts documents from 1, as the command
 * line, the pages and the engines' own messages do.
 */
public class InvalidDocumentException extends RuntimeException {

    private final List<DocumentProblem> problems;

    public InvalidDocumentException(List<DocumentProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<DocumentProblem> problems() {
        return problems;
    }

    private static String summary(List<DocumentProblem> problems) {
        if (problems.isEmpty()) {
            return "the document is invalid";
        }
        DocumentProblem first = problems.get(0);
        String where = first.index() < 0 ? "the file" : "document " + (first.index() + 1)
                + (first.kind() != null ? " (" + first.kind() + (first.name() != null ? " " + first.name() : "") + ")" : "");
        String path = first.path() == null || first.path().isEmpty() ? "" : ", " + first.path();
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : "";
        return "nothing was imported: " + where + path + ": " + first.message() + more;
    }
}
