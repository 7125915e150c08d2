package dev.tandem.engagement.web;

import dev.tandem.engagement.Roster;
import dev.tandem.engagement.RosterEntry;
import dev.tandem.engagement.RosterUpdate;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The roster entry form; numbers and the date are text so that what was typed comes back with its error. */
record RosterForm(String capacityPercent, String maxConcurrent, String skills, String unavailableUntil, Integer version) {

    static RosterForm of(RosterEntry e) {
        return new RosterForm(String.valueOf(e.capacityPercent()), String.valueOf(e.maxConcurrent()),
                String.join(", ", e.skills()), e.unavailableUntil() == null ? "" : e.unavailableUntil().toString(), e.version());
    }

    RosterForm withVersion(int v) {
        return new RosterForm(capacityPercent, maxConcurrent, skills, unavailableUntil, v);
    }

    RosterUpdate toUpdate() {
        List<FieldProblem> problems = new ArrayList<>();
        Integer capacity = number(problems, "capacityPercent", capacityPercent);
        Integer concurrent = number(problems, "maxConcurrent", maxConcurrent);
        LocalDate until = date(problems, "unavailableUntil", unavailableUntil);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RosterUpdate(capacity, concurrent, Roster.parseSkills(skills), until, version);
    }

    static Integer number(List<FieldProblem> problems, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + text.trim() + "' is not a whole number"));
            return null;
        }
    }

    static LocalDate date(List<FieldProblem> problems, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "'" + text.trim() + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
