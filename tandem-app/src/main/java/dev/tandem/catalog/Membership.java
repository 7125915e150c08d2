package dev.tandem.catalog;

/** One person in one team. */
public record Membership(String person, String displayName, PersonRole personRole, MemberRole role) {
}
