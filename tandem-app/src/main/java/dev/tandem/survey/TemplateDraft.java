package dev.tandem.survey;

import java.util.List;

/** A template as written in a form or sent to the API; {@code version} is the one edited (absent when creating). */
public record TemplateDraft(String name, String description, Boolean anonymous, List<Question.Draft> questions,
                            Integer version) {
}
