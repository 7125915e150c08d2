package dev.tandem.accounts;

import dev.tandem.audit.AuditLog;
import dev.tandem.shared.Actor;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.Page;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.PagedQuery;
import dev.tandem.shared.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named, revocable API tokens. A token is 32 random bytes; only its SHA-256 is stored. A slow password
 * hash is unnecessary for secrets of that entropy, and a fast one keeps every API call cheap.
 */
@Component
public class ApiTokens {

    public static final String PREFIX = "tdm_";
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RowMapper<ApiToken> ROW = (rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("username"),
            rs.getString("name"), rs.getString("token_prefix"), instant(rs.getTimestamp("created_at")),
            rs.getString("created_by"), instant(rs.getTimestamp("expires_at")),
            instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc, AccessPolicy policy, AuditLog audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
    }

    /** A signed-in caller's credentials, once a bearer token checks out. */
    public record Holder(long tokenId, String username, Role role) {
    }

    @Transactional
    public IssuedToken issue(String username, String name, Instant expiresAt) {
        policy.requireAdmin();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "give the token a name of 1 to 100 characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new InvalidInputException("expiresAt", "the expiry must lie in the future");
        }
        Long userId = jdbc.sql("select id from users where username = ?").param(username).query(Long.class)
                .optional().orElseThrow(() -> new InvalidInputException("username", "user '" + username + "' does not exist"));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into api_tokens (user_id, name, token_hash, token_prefix, created_at, created_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, name.trim(), hash(secret), secret.substring(0, 12), Timestamp.from(Instant.now()),
                        Actor.current().username(), expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        ApiToken token = jdbc.sql(select() + " where t.token_hash = ?").param(hash(secret)).query(ROW).single();
        audit.record("create", "api-token", token.name(), "for " + username + ", prefix " + token.prefix(), null, token);
        return new IssuedToken(token, secret);
    }

    public Page<ApiToken> list(PageRequest request) {
        policy.requireAdmin();
        return PagedQuery.page(jdbc, "select count(*) from api_tokens",
                select() + " order by t.revoked_at desc, t.created_at desc, t.id desc", List.of(), request, ROW);
    }

    public ApiToken get(long id) {
        return jdbc.sql(select() + " where t.id = ?").param(id).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException("api token", String.valueOf(id)));
    }

    @Transactional
    public ApiToken revoke(long id) {
        policy.requireAdmin();
        ApiToken before = get(id);
        if (before.revokedAt() != null) {
            return before;
        }
        jdbc.sql("update api_tokens set revoked_at = ? where id = ?").params(Timestamp.from(Instant.now()), id).update();
        ApiToken after = get(id);
        audit.record("revoke", "api-token", after.name(), "prefix " + after.prefix(), before, after);
        return after;
    }

    /** Checks a presented secret. Records the last use at most once a minute per token. */
    public Optional<Holder> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<Holder> holder = jdbc.sql("""
                select t.id, u.username, u.role from api_tokens t join users u on u.id = t.user_id
                where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)
                  and u.enabled = true""")
                .params(hash(secret), Timestamp.from(now))
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .optional();
        holder.ifPresent(h -> {
            Instant written = lastUseWritten.get(h.tokenId());
            if (written == null || written.plus(LAST_USE_RESOLUTION).isBefore(now)) {
                lastUseWritten.put(h.tokenId(), now);
                jdbc.sql("update api_tokens set last_used_at = ? where id = ?").params(Timestamp.from(now), h.tokenId()).update();
            }
        });
        return holder;
    }

    private static String select() {
        return "select t.*, u.username from api_tokens t join users u on u.id = t.user_id";
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
