package dev.tandem.readiness;

import java.time.Instant;
import java.util.List;

/** A person's answer to one checklist item in a review: the state, the evidence or the justification. */
public record ReviewItem(String itemId, ItemState state, String evidence, List<String> links, String justification,
                         String attestedBy, Instant attestedAt, int version) {

    /** The links one per line, as the answer form shows them. */
    public String linksText() {
        return String.join("\n", links);
    }

    public static ReviewItem open(String itemId) {
        return new ReviewItem(itemId, ItemState.OPEN, null, List.of(), null, null, null, 0);
    }
}
