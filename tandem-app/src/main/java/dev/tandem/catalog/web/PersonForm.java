package dev.tandem.catalog.web;

import dev.tandem.catalog.Person;
import dev.tandem.catalog.PersonDraft;
import dev.tandem.catalog.PersonRole;

/** The person form; the role is text so an unknown value comes back as typed, with its error. */
record PersonForm(String name, String displayName, String email, String role, Integer version) {

    static PersonForm blank() {
        return new PersonForm("", "", "", PersonRole.ENGINEER.name(), null);
    }

    static PersonForm of(Person p) {
        return new PersonForm(p.name(), p.displayName(), p.email(), p.role().name(), p.version());
    }

    PersonDraft toDraft() {
        return new PersonDraft(trim(name), trim(displayName), trim(email), PersonRole.parse(role), version);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
