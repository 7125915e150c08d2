package dev.tandem.accounts;

import dev.tandem.shared.Actor;
import dev.tandem.shared.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * The authorization rules, in one place:
 * <ul>
 *   <li>admins manage users and tokens, and change anything;</li>
 *   <li>SREs change any team's catalog records;</li>
 *   <li>members change the records of the teams they belong to;</li>
 *   <li>viewers only read.</li>
 * </ul>
 */
@Component
public class AccessPolicy {

    private final TeamMembership membership;

    AccessPolicy(TeamMembership membership) {
        this.membership = membership;
    }

    public void requireAdmin() {
        Actor actor = Actor.current();
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("only admins may do this (you are " + describe(actor) + ")");
        }
    }

    /** Creating and editing people and whole-organisation records is for SREs and admins. */
    public void requireCurator() {
        Actor actor = Actor.current();
        if (!actor.role().changesAnyTeam()) {
            throw new AccessDeniedException("only SREs and admins may do this (you are " + describe(actor) + ")");
        }
    }

    public boolean canChangeTeam(String teamName) {
        Actor actor = Actor.current();
        return switch (actor.role()) {
            case ADMIN, SRE -> true;
            case MEMBER -> teamName != null && membership.isMember(actor.username(), teamName);
            case VIEWER -> false;
        };
    }

    public void requireChangeTeam(String teamName) {
        if (!canChangeTeam(teamName)) {
            Actor actor = Actor.current();
            throw new AccessDeniedException(actor.role() == Role.VIEWER
                    ? "viewers may not change anything"
                    : "only members of team '" + teamName + "', SREs and admins may change its records (you are "
                      + describe(actor) + ")");
        }
    }

    /** Giving a record to another team takes the right to change both the old owner's and the new one's. */
    public void requireMove(String fromTeam, String toTeam) {
        requireChangeTeam(fromTeam);
        if (!fromTeam.equals(toTeam)) {
            requireChangeTeam(toTeam);
        }
    }

    public void requireChangeTeams(Collection<String> teamNames) {
        for (String team : teamNames) {
            requireChangeTeam(team);
        }
    }

    private static String describe(Actor actor) {
        return actor.username() + ", " + actor.role().name().toLowerCase(java.util.Locale.ROOT);
    }
}
