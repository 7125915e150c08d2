package dev.tandem.readiness;

/** A review moved or one of its items was answered; signals and notifications listen. */
public record ReviewChanged(String service, long reviewId, ReviewState state) {
}
