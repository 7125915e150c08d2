package dev.tandem.engagement;

import dev.tandem.accounts.TeamMembership;
import dev.tandem.shared.Actor;
import dev.tandem.shared.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with an engagement. SRE managers (admins) accept, decline, plan and cancel; the
 * embedded SREs move it through its phases; the embedded SREs and the team's members edit the charter
 * and the journal; a team's members (and any SRE on its behalf) propose; viewers only read.
 */
@Component
public class EngagementAccess {

    private final TeamMembership membership;

    EngagementAccess(TeamMembership membership) {
        this.membership = membership;
    }

    public boolean isManager() {
        return Actor.current().role() == Role.ADMIN;
    }

    public void requireManager(String what) {
        if (!isManager()) {
            throw new AccessDeniedException("only SRE managers (admins) may " + what + " (you are " + who() + ")");
        }
    }

    public boolean canPropose(String team) {
        Actor actor = Actor.current();
        return switch (actor.role()) {
            case ADMIN, SRE -> true;
            case MEMBER -> team != null && membership.isMember(actor.username(), team);
            case VIEWER -> false;
        };
    }

    public void requirePropose(String team) {
        if (!canPropose(team)) {
            throw new AccessDeniedException("only members of team '" + team + "', SREs and admins may propose an "
                    + "engagement for it (you are " + who() + ")");
        }
    }

    /** The embedded SREs, the team's members and admins. */
    public boolean canEdit(Engagement e) {
        Actor actor = Actor.current();
        if (actor.role() == Role.VIEWER) {
            return false;
        }
        return actor.role() == Role.ADMIN || e.hasSre(actor.username()) || membership.isMember(actor.username(), e.team());
    }

    public void requireEdit(Engagement e, String what) {
        if (!canEdit(e)) {
            throw new AccessDeniedException("only the embedded SREs, members of team '" + e.team()
                    + "' and SRE managers may " + what + " (you are " + who() + ")");
        }
    }

    /** Admins and the embedded SREs move an engagement through its phases. */
    public boolean canDrive(Engagement e) {
        Actor actor = Actor.current();
        return actor.role() == Role.ADMIN || (actor.role() != Role.VIEWER && e.hasSre(actor.username()));
    }

    public void requireDrive(Engagement e) {
        if (!canDrive(e)) {
            throw new AccessDeniedException("only the embedded SREs and SRE managers may move this engagement "
                    + "(you are " + who() + ")");
        }
    }

    static String who() {
        Actor actor = Actor.current();
        return actor.username() + ", " + actor.role().name().toLowerCase(java.util.Locale.ROOT);
    }
}
