package dev.tandem.shared;

/**
 * What is wrong in one document of an uploaded file: its 0-based index among the file's documents, the
 * line (1-based, when known), the entity it describes (when known), the field path and the message.
 */
public record DocumentProblem(int index, Integer line, String kind, String name, String path, String message) {
}
