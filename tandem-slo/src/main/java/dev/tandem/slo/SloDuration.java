package dev.tandem.slo;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSLO duration shorthand, {@code [0-9]+[mhdwMQY]}: minutes, hours, days, weeks, months,
 * quarters, years ({@code m} is a minute, {@code M} a month).
 *
 * <p>Fixed units (m, h) are exact lengths of time. Calendar units (d, w, M, Q, Y) are added in a time
 * zone, so a day across a daylight-saving change is 23 or 25 hours long; their {@link #nominal()} length
 * (d = 24 h, w = 7 d, M = 30 d, Q = 90 d, Y = 365 d) is used only where one fixed figure is needed, such
 * as scaling burn-rate factors.
 */
public record SloDuration(long amount, Unit unit) {

    private static final Pattern SHORTHAND = Pattern.compile("([0-9]+)([mhdwMQY])");

    public enum Unit {
        MINUTE('m', Duration.ofMinutes(1)),
        HOUR('h', Duration.ofHours(1)),
        DAY('d', Duration.ofDays(1)),
        WEEK('w', Duration.ofDays(7)),
        MONTH('M', Duration.ofDays(30)),
        QUARTER('Q', Duration.ofDays(90)),
        YEAR('Y', Duration.ofDays(365));

        private final char symbol;
        private final Duration nominal;

        Unit(char symbol, Duration nominal) {
            this.symbol = symbol;
            this.nominal = nominal;
        }

        public char symbol() {
            return symbol;
        }

        /** True for months, quarters and years, whose length varies. */
        public boolean isCalendarOnly() {
            return this == MONTH || this == QUARTER || this == YEAR;
        }

        static Unit of(char symbol) {
            for (Unit u : values()) {
                if (u.symbol == symbol) {
                    return u;
                }
            }
            throw new IllegalArgumentException("unknown unit " + symbol);
        }
    }

    public SloDuration {
        if (amount <= 0) {
            throw new IllegalArgumentException("a duration must be positive, got " + amount);
        }
        if (unit == null) {
            throw new IllegalArgumentException("a duration needs a unit");
        }
    }

    /** Parses {@code 30d}, {@code 5m}, {@code 1M}; throws {@link IllegalArgumentException} with the accepted form. */
    public static SloDuration parse(String text) {
        Matcher m = text == null ? null : SHORTHAND.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration of the form [0-9]+[mhdwMQY], such as 5m, 1h, 30d, 1M");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        if (amount == 0) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        return new SloDuration(amount, Unit.of(m.group(2).charAt(0)));
    }

    public static SloDuration of(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes <= 0 || !Duration.ofMinutes(minutes).equals(duration)) {
            throw new IllegalArgumentException(duration + " is not a whole number of minutes");
        }
        if (minutes % (24 * 60) == 0) {
            long days = minutes / (24 * 60);
            return days % 7 == 0 ? new SloDuration(days / 7, Unit.WEEK) : new SloDuration(days, Unit.DAY);
        }
        return minutes % 60 == 0 ? new SloDuration(minutes / 60, Unit.HOUR) : new SloDuration(minutes, Unit.MINUTE);
    }

    /** The fixed length: exact for m/h/d/w (days of 24 h), nominal for M (30 d), Q (90 d), Y (365 d). */
    public Duration nominal() {
        // Not Duration.multipliedBy, which goes through BigDecimal: this is on the evaluator's hot path.
        return Duration.ofSeconds(Math.multiplyExact(unit.nominal.getSeconds(), amount));
    }

    /** Adds {@code times} of this duration to a zoned time, calendar-aware for d, w, M, Q and Y. */
    public ZonedDateTime addTo(ZonedDateTime start, long times) {
        long n = amount * times;
        switch (unit) {
            case MINUTE: return start.plusMinutes(n);
            case HOUR: return start.plusHours(n);
            case DAY: return start.plusDays(n);
            case WEEK: return start.plusWeeks(n);
            case MONTH: return start.plusMonths(n);
            case QUARTER: return start.plusMonths(3 * n);
            case YEAR: return start.plusYears(n);
            default: throw new IllegalStateException();
        }
    }

    /** The longest this duration can be in any calendar position (a month of 31 days, a leap year, a 25 h day). */
    public Duration longest() {
        switch (unit) {
            case DAY: return Duration.ofHours(25).multipliedBy(amount);
            case WEEK: return Duration.ofHours(7 * 24 + 1).multipliedBy(amount);
            case MONTH: return Duration.ofDays(31).multipliedBy(amount).plusHours(1);
            case QUARTER: return Duration.ofDays(92).multipliedBy(amount).plusHours(1);
            case YEAR: return Duration.ofDays(366).multipliedBy(amount).plusHours(1);
            default: return nominal();
        }
    }

    @Override
    public String toString() {
        return amount + String.valueOf(unit.symbol);
    }

    /** Formats a whole-minute {@link Duration} in shorthand, the largest exact unit first: 5m, 1h, 1d, 4w. */
    public static String format(Duration duration) {
        return of(duration).toString();
    }
}
