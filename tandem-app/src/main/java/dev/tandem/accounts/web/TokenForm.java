package dev.tandem.accounts.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The form that issues a token. The expiry is a date: the token works through that whole day (UTC). */
record TokenForm(String name, String username, String expires) {

    static TokenForm blank() {
        return new TokenForm("", "", "");
    }

    /** Null for "never"; throws {@link DateTimeParseException} for a date that is not yyyy-MM-dd. */
    Instant expiresAt() {
        if (expires == null || expires.isBlank()) {
            return null;
        }
        return LocalDate.parse(expires.trim()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    }
}
