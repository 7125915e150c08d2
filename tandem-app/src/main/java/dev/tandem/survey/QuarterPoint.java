package dev.tandem.survey;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The ratings given in one calendar quarter (UTC), e.g. "2026-Q3": their mean and the responses that gave them. */
public record QuarterPoint(String quarter, Double mean, int ratings, int responses) {

    @JsonProperty
    public String meanText() {
        return RatingStats.format(mean);
    }
}
