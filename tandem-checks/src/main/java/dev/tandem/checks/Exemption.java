package dev.tandem.checks;

import java.util.Objects;

/**
 * A waiver the caller passes in (for example one recorded for a service in Tandem): findings of {@code checkId}
 * ({@code *} for every check) on objects that {@code object} matches are reported as {@link Outcome#EXEMPT}.
 *
 * @param object a pattern whose {@code null} fields match anything; {@code null} itself matches every object
 * @param reason why the failure is acceptable; a blank reason reads "no reason given"
 */
public record Exemption(String checkId, ObjectRef object, String reason) {

    public Exemption {
        Objects.requireNonNull(checkId, "checkId");
        reason = reason == null || reason.isBlank() ? Exemptions.NO_REASON : reason.strip();
    }

    public static Exemption of(String checkId, String reason) {
        return new Exemption(checkId, null, reason);
    }

    public boolean covers(String checkId, ObjectRef ref) {
        return (this.checkId.equals("*") || this.checkId.equals(checkId)) && (object == null || object.matches(ref));
    }
}
