package dev.tandem.web;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times on pages, as {@code dates} in templates. Shown in UTC and labelled so: replicas and their users
 * may sit in different zones, and one unambiguous clock beats a guessed local one.
 */
@Component
public class Dates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** The ISO form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public boolean past(Instant instant) {
        return instant != null && instant.isBefore(Instant.now());
    }

    public LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
