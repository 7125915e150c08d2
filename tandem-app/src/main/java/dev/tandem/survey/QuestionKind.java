package dev.tandem.survey;

import dev.tandem.shared.InvalidInputException;

import java.util.Locale;

/** A rating from 1 (strongly disagree) to 5 (strongly agree), or free text. */
public enum QuestionKind {
    RATING, TEXT;

    public static QuestionKind parse(String field, String text) {
        if (text != null) {
            String normal = text.trim().toUpperCase(Locale.ROOT);
            for (QuestionKind k : values()) {
                if (k.name().equals(normal)) {
                    return k;
                }
            }
        }
        throw new InvalidInputException(field, "unknown kind of question '" + text + "'; use rating or text");
    }
}
