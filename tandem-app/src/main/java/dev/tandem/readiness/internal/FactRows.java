package dev.tandem.readiness.internal;

import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.Fact;
import dev.tandem.shared.Json;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;

/** How a fact is stored: the outcome as a name, the value as a small JSON scalar. */
public final class FactRows {

    public static final String INSERT = """
            insert into facts (service_id, fact_key, outcome, value_json, details, source, collected_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    static final int MAX_DETAILS = 16000;

    public static final RowMapper<Fact> FACT = (rs, n) -> {
        String outcome = rs.getString("outcome");
        String value = rs.getString("value_json");
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Fact(rs.getString("fact_key"), outcome == null ? null : CheckStatus.valueOf(outcome),
                value == null ? null : Json.read(value, Object.class), rs.getString("details"), rs.getString("source"),
                rs.getTimestamp("collected_at").toInstant(), expires == null ? null : expires.toInstant());
    };

    private FactRows() {
    }

    public static Object[] insertParams(long serviceId, Fact f) {
        String details = f.details();
        if (details != null && details.length() > MAX_DETAILS) {
            details = details.substring(0, MAX_DETAILS - 1) + "…";
        }
        return new Object[] {serviceId, f.key(), f.outcome() == null ? null : f.outcome().name(),
                f.value() == null ? null : Json.write(f.value()), details, f.source(), ts(f.collectedAt()),
                f.expiresAt() == null ? null : ts(f.expiresAt())};
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
