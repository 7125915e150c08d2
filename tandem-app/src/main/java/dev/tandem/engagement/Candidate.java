package dev.tandem.engagement;

/** A proposed engagement in the selection queue, with its rank (1 is next) and score. */
public record Candidate(int rank, Engagement engagement, SelectionScore score) {
}
