package dev.tandem.survey;

import java.util.List;

/** A survey just sent (or whose links were just renewed), with the links to pass on: they are not shown again. */
public record SentSurvey(Survey survey, List<SurveyLink> links) {

    public SentSurvey {
        links = List.copyOf(links);
    }
}
