package dev.tandem.checks;

import java.util.List;
import java.util.Optional;

/** The exemptions a caller passes to an analysis; the first that covers a failing finding gives its reason. */
public final class Exemptions {

    /** The reason shown when an exemption gives none. */
    public static final String NO_REASON = "no reason given";

    private static final Exemptions NONE = new Exemptions(List.of());

    private final List<Exemption> list;

    private Exemptions(List<Exemption> list) {
        this.list = List.copyOf(list);
    }

    public static Exemptions none() {
        return NONE;
    }

    public static Exemptions of(List<Exemption> exemptions) {
        return exemptions.isEmpty() ? NONE : new Exemptions(exemptions);
    }

    public static Exemptions of(Exemption... exemptions) {
        return of(List.of(exemptions));
    }

    public List<Exemption> list() {
        return list;
    }

    /** The reason of the first exemption covering {@code checkId} on {@code object}, if any. */
    public Optional<String> reasonFor(String checkId, ObjectRef object) {
        for (Exemption e : list) {
            if (e.covers(checkId, object)) {
                return Optional.of(e.reason());
            }
        }
        return Optional.empty();
    }
}
