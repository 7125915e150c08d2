package dev.tandem.catalog;

/** A person's role within one team. */
public enum MemberRole {
    LEAD, MEMBER
}
