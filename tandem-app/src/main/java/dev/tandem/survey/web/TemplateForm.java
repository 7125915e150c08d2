package dev.tandem.survey.web;

import dev.tandem.survey.Question;
import dev.tandem.survey.SurveyTemplate;
import dev.tandem.survey.TemplateDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The template form. Questions are written one a line, each starting with its kind:
 * {@code rating: The SRE helped us} or {@code text: What should we do differently?} (a line without a
 * kind is a rating question).
 */
record TemplateForm(String name, String description, Boolean anonymous, String questions, Integer version) {

    static TemplateForm blank() {
        return new TemplateForm("", "", true, "rating: \ntext: ", null);
    }

    static TemplateForm of(SurveyTemplate t) {
        StringBuilder lines = new StringBuilder();
        for (Question q : t.questions()) {
            lines.append(q.kind().name().toLowerCase(Locale.ROOT)).append(": ").append(q.text()).append('\n');
        }
        return new TemplateForm(t.name(), t.description(), t.anonymous(), lines.toString(), t.version());
    }

    TemplateDraft draft() {
        List<Question.Draft> drafts = new ArrayList<>();
        for (String line : (questions == null ? "" : questions).split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            int colon = l.indexOf(':');
            String kind = colon > 0 ? l.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
            if (kind.equals("rating") || kind.equals("text")) {
                drafts.add(new Question.Draft(kind, l.substring(colon + 1).strip()));
            } else {
                drafts.add(new Question.Draft("rating", l));
            }
        }
        return new TemplateDraft(name, description, Boolean.TRUE.equals(anonymous), drafts, version);
    }
}
