package dev.tandem.survey;

/** The ratings given in one calendar quarter (UTC), e.g. "2026-Q3": their mean and the responses that gave them. */
public record QuarterPoint(String quarter, Double mean, int ratings, int responses) {

    public String meanText() {
        return RatingStats.format(mean);
    }
}
