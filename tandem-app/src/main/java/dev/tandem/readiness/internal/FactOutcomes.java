package dev.tandem.readiness.internal;

import dev.tandem.readiness.CheckStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Map;

/**
 * The compact read model of a service's fact outcomes ({@code fact_outcomes}): one line per fact,
 * {@code key TAB outcome-letter TAB expiry-epoch-seconds}, rewritten whenever the service's facts change.
 * Values are not kept here; scorecard rules read them from the facts themselves.
 */
@Component
public class FactOutcomes {

    static final char NO_OUTCOME = '-';
    private static final CheckStatus[] STATUSES = CheckStatus.values();

    private final JdbcClient jdbc;

    FactOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rewrites the service's line from its stored facts; call it in the transaction that changed them. */
    public void rewrite(long serviceId) {
        StringBuilder encoded = new StringBuilder(2048);
        jdbc.sql("select fact_key, outcome, expires_at from facts where service_id = ? order by fact_key").param(serviceId)
                .query(rs -> {
                    String outcome = rs.getString(2);
                    Timestamp expires = rs.getTimestamp(3);
                    encoded.append(rs.getString(1)).append('\t')
                            .append(outcome == null ? NO_OUTCOME : letter(CheckStatus.valueOf(outcome))).append('\t')
                            .append(expires == null ? "" : Long.toString(expires.getTime() / 1000)).append('\n');
                });
        jdbc.sql("delete from fact_outcomes where service_id = ?").param(serviceId).update();
        if (encoded.length() > 0) {
            jdbc.sql("insert into fact_outcomes (service_id, encoded) values (?, ?)").params(serviceId, encoded.toString()).update();
        }
    }

    static char letter(CheckStatus s) {
        return (char) ('0' + s.ordinal());
    }

    static CheckStatus status(char letter) {
        return letter == NO_OUTCOME ? null : STATUSES[letter - '0'];
    }

    /**
     * Calls {@code sink} for every fact in an encoded line that has an outcome, is named in {@code keys}
     * and has not expired at {@code nowSeconds}. Parsing in place keeps the cost to a scan of the text.
     */
    static void decode(String encoded, Map<String, Integer> keys, long nowSeconds, OutcomeSink sink) {
        int i = 0;
        int n = encoded.length();
        while (i < n) {
            int tab = encoded.indexOf('\t', i);
            int tab2 = encoded.indexOf('\t', tab + 1);
            int end = encoded.indexOf('\n', tab2 + 1);
            if (tab < 0 || tab2 < 0 || end < 0) {
                return;
            }
            Integer key = keys.get(encoded.substring(i, tab));
            char letter = encoded.charAt(tab + 1);
            if (key != null && letter != NO_OUTCOME) {
                boolean fresh = tab2 + 1 == end || Long.parseLong(encoded, tab2 + 1, end, 10) > nowSeconds;
                if (fresh) {
                    sink.accept(key, (byte) (letter - '0'));
                }
            }
            i = end + 1;
        }
    }

    interface OutcomeSink {
        void accept(int key, byte outcome);
    }

}
