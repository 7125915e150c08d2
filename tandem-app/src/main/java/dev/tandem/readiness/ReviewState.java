package dev.tandem.readiness;

import dev.tandem.shared.ConflictException;

/**
 * Where a readiness review stands. The owners work on a draft and submit it; a reviewer approves it or
 * asks for changes, after which the owners submit again. The transitions live here, so no caller can
 * make an illegal one.
 */
public enum ReviewState {
    DRAFT("draft"),
    IN_REVIEW("in review"),
    APPROVED("approved"),
    CHANGES_REQUESTED("changes requested");

    private final String label;

    ReviewState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Owners answer items only while the review is theirs: as a draft or after changes were requested. */
    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    public ReviewState submit() {
        return move(editable(), IN_REVIEW, "submitted", "only a draft or a review with changes requested can be submitted");
    }

    public ReviewState withdraw() {
        return move(this == IN_REVIEW, DRAFT, "withdrawn", "only a review in review can be withdrawn");
    }

    public ReviewState approve() {
        return move(this == IN_REVIEW, APPROVED, "approved", "submit it for review first");
    }

    public ReviewState requestChanges() {
        return move(this == IN_REVIEW, CHANGES_REQUESTED, "sent back with changes requested",
                "only a review in review can be sent back");
    }

    private ReviewState move(boolean allowed, ReviewState to, String verb, String hint) {
        if (!allowed) {
            throw new ConflictException("a review that is " + label + " cannot be " + verb + "; " + hint);
        }
        return to;
    }
}
