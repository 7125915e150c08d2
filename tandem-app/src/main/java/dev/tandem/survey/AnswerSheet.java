package dev.tandem.survey;

import java.util.Map;

/**
 * The answers of one person, keyed by question position (as text, "1", "2" …, so a JSON object and a form
 * read alike): a rating 1-5 for rating questions, free text (optional, at most 2000 characters) for text
 * questions.
 */
public record AnswerSheet(Map<String, String> answers) {

    public AnswerSheet {
        Map<String, String> copy = new java.util.LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k.trim(), v);
                }
            });
        }
        answers = java.util.Collections.unmodifiableMap(copy);
    }

    public String answer(int position) {
        return answers.get(String.valueOf(position));
    }
}
