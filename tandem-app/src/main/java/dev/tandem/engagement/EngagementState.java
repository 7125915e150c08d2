package dev.tandem.engagement;

import dev.tandem.shared.ConflictException;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where an engagement stands. The main line follows the embedded-SRE practice: a proposal is accepted,
 * then the SRE learns the service, shares context with the team, drives change, and exits with an
 * after-action report. A proposal can be declined; anything not yet finished can be cancelled. The
 * legal moves live here, so no caller can make an illegal one.
 */
public enum EngagementState {
    PROPOSED("proposed"),
    ACCEPTED("accepted"),
    LEARNING("learning the service"),
    SHARING_CONTEXT("sharing context"),
    DRIVING_CHANGE("driving change"),
    EXITING("exiting"),
    COMPLETED("completed"),
    DECLINED("declined"),
    CANCELLED("cancelled");

    private static final List<EngagementState> MAIN_LINE =
            List.of(PROPOSED, ACCEPTED, LEARNING, SHARING_CONTEXT, DRIVING_CHANGE, EXITING, COMPLETED);

    private final String label;

    EngagementState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The lower-case, dashed name used in URLs and the API ({@code sharing-context}). */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static EngagementState parse(String text) {
        if (text != null) {
            String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (EngagementState s : values()) {
                if (s.name().equals(normal)) {
                    return s;
                }
            }
        }
        throw new dev.tandem.shared.InvalidInputException("state", "unknown state '" + text + "'; use one of "
                + String.join(", ", MAIN_LINE.stream().map(EngagementState::slug).toList()) + ", declined, cancelled");
    }

    public boolean terminal() {
        return this == COMPLETED || this == DECLINED || this == CANCELLED;
    }

    /** An SRE is with the team: from learning the service until the exit is complete. */
    public boolean active() {
        return this == LEARNING || this == SHARING_CONTEXT || this == DRIVING_CHANGE || this == EXITING;
    }

    /** Accepted or running: the engagement holds (or is about to hold) an SRE's time. */
    public boolean committed() {
        return this == ACCEPTED || active();
    }

    /** Before the start the charter is a draft; afterwards changes to it are marked as made after the start. */
    public boolean started() {
        return active() || this == COMPLETED;
    }

    /** Position on the main line (0 for proposed), or -1 for declined and cancelled. */
    public int step() {
        return MAIN_LINE.indexOf(this);
    }

    public static List<EngagementState> mainLine() {
        return MAIN_LINE;
    }

    /** The states this one may move to. */
    public Set<EngagementState> next() {
        Set<EngagementState> next = EnumSet.noneOf(EngagementState.class);
        if (terminal()) {
            return next;
        }
        next.add(MAIN_LINE.get(step() + 1));
        next.add(this == PROPOSED ? DECLINED : CANCELLED);
        if (this == PROPOSED) {
            next.add(CANCELLED);
        }
        return next;
    }

    /** The target state if the move is legal; a {@link ConflictException} that says why otherwise. */
    public EngagementState moveTo(EngagementState to) {
        if (next().contains(to)) {
            return to;
        }
        String why;
        if (terminal()) {
            why = "it is " + label + ", which is final";
        } else if (to == this) {
            why = "it is already " + label;
        } else if (to == DECLINED) {
            why = "only a proposal can be declined; cancel it instead";
        } else if (to.step() >= 0 && to.step() < step()) {
            why = "engagements do not move back";
        } else {
            why = "the next step from " + label + " is " + MAIN_LINE.get(step() + 1).label();
        }
        throw new ConflictException("an engagement that is " + label + " cannot become " + to.label() + ": " + why);
    }
}
