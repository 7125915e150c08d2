package dev.tandem.accounts.web;

import dev.tandem.accounts.User;
import dev.tandem.accounts.UserDraft;
import dev.tandem.shared.Role;

import java.util.Locale;

/** The account form. The password is never filled in: blank on an edit keeps the current one. */
record UserForm(String username, String displayName, String email, String role, Boolean enabled, String password,
                Integer version) {

    static UserForm blank() {
        return new UserForm("", "", "", Role.VIEWER.name(), true, "", null);
    }

    static UserForm of(User u) {
        return new UserForm(u.username(), u.displayName(), u.email(), u.role().name(), u.enabled(), "", u.version());
    }

    UserDraft toDraft() {
        return new UserDraft(trim(username), trim(displayName), trim(email), parsedRole(), enabled != null && enabled,
                password, version);
    }

    UserForm withVersion(int current) {
        return new UserForm(username, displayName, email, role, enabled, "", current);
    }

    private Role parsedRole() {
        try {
            return role == null ? null : Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
