package dev.tandem.shared;

/** What is wrong with one field of a submitted form or document. */
public record FieldProblem(String field, String message) {
}
