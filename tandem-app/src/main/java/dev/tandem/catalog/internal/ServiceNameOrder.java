package dev.tandem.catalog.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ids of all services in name order, kept in memory for the most common view: the whole list,
 * sorted by name. Paging through it with OFFSET makes the database step over every earlier row; a
 * slice of this array does not.
 *
 * <p>Names never change, so the order only changes when services are added or removed, and the pair
 * (count, highest id) changes whenever that happens: a removal lowers the count, an addition raises
 * the highest id. Each call checks that pair with one cheap query, so the array is never stale, also
 * when another replica changed the catalog.
 */
@Component
public class ServiceNameOrder {

    /** One page of ids and the number of services in all. */
    public record Slice(long[] ids, long total) {
    }

    private record Snapshot(long count, long maxId, long[] ids) {
    }

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot = new Snapshot(-1, -1, new long[0]);

    ServiceNameOrder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Slice slice(long offset, int size, boolean descending) {
        long[] key = jdbc.sql("select count(*), coalesce(max(id), 0) from services")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        Snapshot current = snapshot;
        if (current.count() != key[0] || current.maxId() != key[1]) {
            long[] ids = jdbc.sql("select id from services order by name").query(Long.class).list().stream()
                    .mapToLong(Long::longValue).toArray();
            current = new Snapshot(ids.length, key[1], ids);
            if (ids.length == key[0]) {
                snapshot = current; // keep it only if no change slipped in between the two queries
            }
        }
        long[] ids = current.ids();
        int from = (int) Math.min(offset, ids.length);
        int to = (int) Math.min(offset + size, ids.length);
        long[] page = new long[to - from];
        for (int i = 0; i < page.length; i++) {
            page[i] = descending ? ids[ids.length - 1 - from - i] : ids[from + i];
        }
        return new Slice(page, ids.length);
    }
}
