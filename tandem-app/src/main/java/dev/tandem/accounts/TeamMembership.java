package dev.tandem.accounts;

/**
 * Answers "is this user a member of that team?" for the authorization rules. A user is linked to the
 * catalog person of the same name; the catalog implements this.
 */
public interface TeamMembership {

    boolean isMember(String username, String teamName);
}
