package dev.tandem.engagement;

import dev.tandem.audit.AuditLog;
import dev.tandem.shared.Actor;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SRE roster and the program's rotation settings. Everyone in the catalog with role SRE is on the
 * roster, with default capacity until an admin changes their entry; admins change entries and settings.
 */
@Component
public class Roster {

    static final String TYPE = "roster-entry";
    static final int MAX_SKILLS = 20;
    private static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9+#.-]{0,31}");
    private static final String SELECT = """
            select p.id, p.name, p.display_name, r.capacity_percent, r.max_concurrent, r.skills, r.unavailable_until, r.version
            from people p left join roster_entries r on r.person_id = p.id where p.role = 'SRE'""";

    private final JdbcClient jdbc;
    private final EngagementAccess access;
    private final AuditLog audit;

    Roster(JdbcClient jdbc, EngagementAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /** Every SRE, by name. */
    public List<RosterEntry> entries() {
        return jdbc.sql(SELECT + " order by p.name").query((rs, n) -> entry(rs)).list();
    }

    public Optional<RosterEntry> find(String person) {
        return jdbc.sql(SELECT + " and p.name = ?").param(person == null ? "" : person.trim()).query((rs, n) -> entry(rs)).optional();
    }

    public RosterEntry get(String person) {
        return find(person).orElseThrow(() -> new NotFoundException("SRE", person));
    }

    /**
     * Changes an SRE's entry. {@code fromIfMatch} says the expected version came from an {@code If-Match}
     * header, so a stale one answers 412 rather than 409.
     */
    @Transactional
    public RosterEntry update(String person, RosterUpdate update, int expectedVersion, boolean fromIfMatch) {
        access.requireManager("change the roster");
        RosterEntry before = get(person);
        List<FieldProblem> problems = new ArrayList<>();
        int capacity = range(problems, "capacityPercent", update.capacityPercent(), RosterEntry.DEFAULT_CAPACITY, 0, 100);
        int concurrent = range(problems, "maxConcurrent", update.maxConcurrent(), RosterEntry.DEFAULT_MAX_CONCURRENT, 1, 10);
        List<String> skills = skills(problems, update.skills());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (expectedVersion != before.version()) {
            throw new StaleVersionException(TYPE, before.person(), expectedVersion, before.version(), fromIfMatch);
        }
        long id = jdbc.sql("select id from people where name = ?").param(before.person()).query(Long.class).single();
        Timestamp now = Timestamp.from(Instant.now());
        String actor = Actor.current().username();
        Date until = update.unavailableUntil() == null ? null : Date.valueOf(update.unavailableUntil());
        String joined = String.join(" ", skills);
        int n;
        if (before.version() == 0) {
            try {
                n = jdbc.sql("insert into roster_entries (person_id, capacity_percent, max_concurrent, skills, unavailable_until, "
                                + "updated_by, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, 1)")
                        .params(id, capacity, concurrent, joined, until, actor, now).update();
            } catch (DuplicateKeyException e) {
                n = 0;
            }
        } else {
            n = jdbc.sql("update roster_entries set capacity_percent = ?, max_concurrent = ?, skills = ?, unavailable_until = ?, "
                            + "updated_by = ?, updated_at = ?, version = version + 1 where person_id = ? and version = ?")
                    .params(capacity, concurrent, joined, until, actor, now, id, before.version()).update();
        }
        if (n == 0) {
            throw new StaleVersionException(TYPE, before.person(), expectedVersion, get(person).version(), fromIfMatch);
        }
        RosterEntry after = get(person);
        audit.record("update", TYPE, after.person(), before, after);
        return after;
    }

    /**
     * Serialises applying plans: two admins applying proposals at once must not both see the same room free.
     * The lock is the rotation's own settings row (applies are rare), so no other module's table is touched.
     */
    void lockForAssignment() {
        jdbc.sql("select id from rotation_settings where id = 1 for update").query(Long.class).optional();
    }

    public RotationSettings settings() {
        return jdbc.sql("select max_stay_days, default_length_days, version from rotation_settings where id = 1")
                .query((rs, n) -> new RotationSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3))).optional()
                .orElse(new RotationSettings(180, 90, 0));
    }

    @Transactional
    public RotationSettings updateSettings(RotationSettings.Update update, int expectedVersion, boolean fromIfMatch) {
        access.requireManager("change the rotation settings");
        RotationSettings before = settings();
        List<FieldProblem> problems = new ArrayList<>();
        int stay = range(problems, "maxStayDays", update.maxStayDays(), before.maxStayDays(), 1, RotationSettings.MAX_DAYS);
        int length = range(problems, "defaultLengthDays", update.defaultLengthDays(), before.defaultLengthDays(), 1,
                RotationSettings.MAX_DAYS);
        if (problems.isEmpty() && length > stay) {
            problems.add(new FieldProblem("defaultLengthDays", "the default length (" + length
                    + " days) is longer than the maximum stay with a team (" + stay + " days)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("update rotation_settings set max_stay_days = ?, default_length_days = ?, updated_by = ?, "
                        + "updated_at = ?, version = version + 1 where id = 1 and version = ?")
                .params(stay, length, Actor.current().username(), Timestamp.from(Instant.now()), expectedVersion).update();
        if (n == 0) {
            throw new StaleVersionException("rotation settings", "rotation", expectedVersion, settings().version(), fromIfMatch);
        }
        RotationSettings after = settings();
        audit.record("update", "rotation-settings", "rotation", before, after);
        return after;
    }

    /** Skills as short lower-case tags; a text with commas or spaces is split into tags. */
    public static List<String> parseSkills(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static List<String> skills(List<FieldProblem> problems, List<String> given) {
        Set<String> out = new LinkedHashSet<>();
        if (given == null) {
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String s = given.get(i) == null ? "" : given.get(i).trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (!SKILL.matcher(s).matches()) {
                problems.add(new FieldProblem("skills[" + i + "]", "'" + abbreviate(s) + "' is not a skill tag: up to 32 "
                        + "letters, digits and + # . - with no spaces"));
            } else {
                out.add(s);
            }
        }
        if (out.size() > MAX_SKILLS) {
            problems.add(new FieldProblem("skills", "at most " + MAX_SKILLS + " skills"));
        }
        return List.copyOf(out);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static int range(List<FieldProblem> problems, String field, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            problems.add(new FieldProblem(field, "a whole number from " + min + " to " + max));
            return fallback;
        }
        return value;
    }

    private static RosterEntry entry(ResultSet rs) throws SQLException {
        boolean stored = rs.getObject("version") != null;
        Date until = rs.getDate("unavailable_until");
        String skills = rs.getString("skills");
        return new RosterEntry(rs.getString("name"), rs.getString("display_name"),
                stored ? rs.getInt("capacity_percent") : RosterEntry.DEFAULT_CAPACITY,
                stored ? rs.getInt("max_concurrent") : RosterEntry.DEFAULT_MAX_CONCURRENT,
                skills == null || skills.isBlank() ? List.of() : List.of(skills.split(" ")),
                until == null ? null : until.toLocalDate(), stored ? rs.getInt("version") : 0);
    }

}
