package dev.tandem.checks;

import java.util.Objects;

/**
 * One check's verdict on one object.
 *
 * @param exemptionReason the reason an exemption gives, when {@code outcome} is {@link Outcome#EXEMPT}; otherwise {@code null}
 */
public record Finding(String checkId, Outcome outcome, ObjectRef object, Location location, String message,
                      String exemptionReason) {

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        if (outcome == Outcome.EXEMPT && exemptionReason == null) {
            throw new IllegalArgumentException("an exempt finding needs its reason");
        }
    }
}
