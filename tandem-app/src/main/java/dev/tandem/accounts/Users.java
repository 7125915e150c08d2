package dev.tandem.accounts;

import dev.tandem.audit.AuditLog;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.Page;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.PagedQuery;
import dev.tandem.shared.Role;
import dev.tandem.shared.StaleVersionException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Local accounts. Every change is for admins only and is audited (without the password). */
@Component
public class Users {

    private static final String AUDIT_TYPE = "user";
    private static final Set<String> SORTS = Set.of("username", "role", "created_at");
    private static final RowMapper<User> ROW = (rs, n) -> new User(rs.getLong("id"), rs.getString("username"),
            rs.getString("display_name"), rs.getString("email"), Role.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AccessPolicy policy;
    private final AuditLog audit;

    Users(JdbcClient jdbc, PasswordEncoder passwords, AccessPolicy policy, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.audit = audit;
    }

    public Page<User> list(String search, PageRequest request) {
        policy.requireAdmin();
        String like = search == null || search.isBlank() ? "%" : "%" + search.trim().toLowerCase() + "%";
        String sort = request.sortOr("username", SORTS);
        String where = " where lower(username) like ? or lower(coalesce(display_name,'')) like ?";
        return PagedQuery.page(jdbc, "select count(*) from users" + where,
                "select * from users" + where + " order by " + sort + (request.descending() ? " desc" : " asc"),
                List.of(like, like), request, ROW);
    }

    public User get(String username) {
        return find(username).orElseThrow(() -> new NotFoundException("user", username));
    }

    public Optional<User> find(String username) {
        return jdbc.sql("select * from users where username = ?").param(username).query(ROW).optional();
    }

    public boolean any() {
        return jdbc.sql("select count(*) from users").query(Long.class).single() > 0;
    }

    @Transactional
    public User create(UserDraft draft) {
        policy.requireAdmin();
        return createUnchecked(draft);
    }

    /** For start-up only: creates the first admin before anyone can sign in. */
    @Transactional
    User createUnchecked(UserDraft draft) {
        checkPassword(draft.password(), true);
        if (find(draft.username()).isPresent()) {
            throw new ConflictException("user '" + draft.username() + "' already exists");
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into users (username, display_name, email, password_hash, role, enabled, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(draft.username(), blankToNull(draft.displayName()), blankToNull(draft.email()),
                        passwords.encode(draft.password()), draft.role().name(), draft.enabledOrDefault(), now, now)
                .update();
        User created = get(draft.username());
        audit.record("create", AUDIT_TYPE, created.username(), null, created);
        return created;
    }

    @Transactional
    public User update(String username, UserDraft draft, int expectedVersion, boolean fromIfMatch) {
        policy.requireAdmin();
        User before = get(username);
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(AUDIT_TYPE, username, expectedVersion, before.version(), fromIfMatch);
        }
        if (!before.username().equals(draft.username())) {
            throw new InvalidInputException("username", "a username cannot be changed; create a new user instead");
        }
        boolean stillAdmin = draft.role() == Role.ADMIN && draft.enabledOrDefault();
        if (before.role() == Role.ADMIN && !stillAdmin && activeAdmins() <= 1) {
            throw new ConflictException("'" + username + "' is the last enabled admin; make someone else admin first");
        }
        boolean newPassword = draft.password() != null && !draft.password().isBlank();
        if (newPassword) {
            checkPassword(draft.password(), true);
        }
        int updated = jdbc.sql("""
                update users set display_name = ?, email = ?, role = ?, enabled = ?, updated_at = ?,
                  password_hash = coalesce(?, password_hash), version = version + 1
                where username = ? and version = ?""")
                .params(blankToNull(draft.displayName()), blankToNull(draft.email()), draft.role().name(),
                        draft.enabledOrDefault(), Timestamp.from(Instant.now()),
                        newPassword ? passwords.encode(draft.password()) : null, username, expectedVersion)
                .update();
        if (updated == 0) {
            throw new StaleVersionException(AUDIT_TYPE, username, expectedVersion, get(username).version(), fromIfMatch);
        }
        User after = get(username);
        audit.record("update", AUDIT_TYPE, username, newPassword ? "password changed" : null, before, after);
        return after;
    }

    /**
     * Anyone signed in changes their own password, proving the current one first. (Admins reset other
     * people's passwords through {@link #update}.)
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String username = Actor.current().username();
        String hash = jdbc.sql("select password_hash from users where username = ?").param(username)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("user", username));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw new InvalidInputException("currentPassword", "this is not your current password");
        }
        checkPassword(newPassword, true);
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", "choose a password different from the current one");
        }
        User before = get(username);
        jdbc.sql("update users set password_hash = ?, updated_at = ?, version = version + 1 where username = ?")
                .params(passwords.encode(newPassword), Timestamp.from(Instant.now()), username).update();
        audit.record("change-password", AUDIT_TYPE, username, "password changed by its owner", before, get(username));
    }

    @Transactional
    public void delete(String username) {
        policy.requireAdmin();
        User before = get(username);
        if (before.username().equals(Actor.current().username())) {
            throw new ConflictException("you cannot delete your own account");
        }
        if (before.role() == Role.ADMIN && before.enabled() && activeAdmins() <= 1) {
            throw new ConflictException("'" + username + "' is the last enabled admin");
        }
        jdbc.sql("delete from users where username = ?").param(username).update();
        audit.record("delete", AUDIT_TYPE, username, before, null);
    }

    private long activeAdmins() {
        return jdbc.sql("select count(*) from users where role = 'ADMIN' and enabled = true").query(Long.class).single();
    }

    static void checkPassword(String password, boolean required) {
        if (password == null || password.isBlank()) {
            if (required) {
                throw new InvalidInputException("password", "a password is required");
            }
            return;
        }
        if (password.length() < UserDraft.MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password",
                    "use at least " + UserDraft.MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
