package dev.tandem.catalog.web;

import dev.tandem.catalog.Team;
import dev.tandem.catalog.TeamDraft;

/** The team form; members are changed on the team page, one at a time. */
record TeamForm(String name, String displayName, String description, String chatChannel, String email,
                String parent, Integer version) {

    static TeamForm blank() {
        return new TeamForm("", "", "", "", "", "", null);
    }

    static TeamForm of(Team t) {
        return new TeamForm(t.name(), t.displayName(), t.description(), t.chatChannel(), t.email(), t.parent(),
                t.version());
    }

    /** The team's type is not on the form; an edit keeps what an import set. */
    TeamDraft toDraft(String type) {
        return new TeamDraft(trim(name), trim(displayName), trim(description), trim(chatChannel), trim(email), type,
                trim(parent), version);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
