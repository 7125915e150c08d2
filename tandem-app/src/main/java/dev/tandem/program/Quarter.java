package dev.tandem.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A calendar quarter in UTC, such as 2026-Q4. */
public record Quarter(int year, int number) {

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public static Quarter current() {
        return of(LocalDate.now(ZoneOffset.UTC));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public boolean contains(Instant at) {
        if (at == null) {
            return false;
        }
        LocalDate d = at.atZone(ZoneOffset.UTC).toLocalDate();
        return !d.isBefore(firstDay()) && !d.isAfter(lastDay());
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
