package dev.tandem.catalog.internal;

import dev.tandem.catalog.ServiceSummary;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The summary rows of services, kept in memory by id for as long as the {@link CatalogRevision} stays the
 * same. Fetching a page's 50 rows by id was most of the database time of the service list; with the rows
 * in memory a page costs one query for the revision.
 *
 * <p>Why it is never stale: the revision is read before the rows. A change that commits in between makes
 * the rows newer than the revision they are kept under, and the next reader, seeing the new revision,
 * starts an empty map. A reader that still holds the old map adds to a map nobody reads any more.
 */
@Component
public class ServiceSummaryCache {

    /**
     * Beyond this many characters of text in the kept rows (descriptions may be long) nothing more is kept;
     * the rest are read from the database every time. About 16 to 32 MB; 10,000 services with descriptions
     * of a few hundred characters take a fifth of it.
     */
    static final long MAX_CHARS = 16_000_000;

    private record Generation(long revision, Map<Long, ServiceSummary> rows, AtomicLong chars) {
        Generation(long revision) {
            this(revision, new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    private final JdbcClient jdbc;
    private final CatalogRevision revision;
    private volatile Generation generation = new Generation(-1);

    ServiceSummaryCache(JdbcClient jdbc, CatalogRevision revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    /** The summaries of the given services, in the order of {@code ids}; ids of removed services are left out. */
    public List<ServiceSummary> byIds(long[] ids) {
        long current = revision.current();
        Generation g = generation;
        if (g.revision() != current) {
            g = new Generation(current);
            generation = g;
        }
        List<Long> missing = new ArrayList<>();
        for (long id : ids) {
            if (!g.rows().containsKey(id)) {
                missing.add(id);
            }
        }
        Map<Long, ServiceSummary> fetched = missing.isEmpty() ? Map.of() : fetch(missing);
        for (Map.Entry<Long, ServiceSummary> e : fetched.entrySet()) {
            if (g.chars().addAndGet(chars(e.getValue())) <= MAX_CHARS) {
                g.rows().put(e.getKey(), e.getValue());
            }
        }
        List<ServiceSummary> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            ServiceSummary s = g.rows().get(id);
            if (s == null) {
                s = fetched.get(id);
            }
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private Map<Long, ServiceSummary> fetch(List<Long> ids) {
        // one array parameter: H2 looks each id up in the primary key, where a list of "?" made it compare every row
        Map<Long, ServiceSummary> rows = new HashMap<>();
        jdbc.sql("select s.id," + ServiceRows.SUMMARY_COLUMNS + ServiceRows.SUMMARY_FROM + " where s.id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query((RowCallbackHandler) rs -> {
                    ServiceSummary s = ServiceRows.SUMMARY.mapRow(rs, 0);
                    // shared by every request from now on: nothing may change its tags
                    rows.put(rs.getLong("id"), new ServiceSummary(s.name(), s.title(), s.description(), s.owner(),
                            s.system(), s.readinessLevel(), s.lifecycle(), s.tier(), List.copyOf(s.tags()), s.updatedAt()));
                });
        return rows;
    }

    /** The text a row holds, roughly: what the cap counts. */
    static long chars(ServiceSummary s) {
        long n = 64 + length(s.name()) + length(s.title()) + length(s.description()) + length(s.owner())
                + length(s.system()) + length(s.lifecycle());
        for (String tag : s.tags()) {
            n += length(tag);
        }
        return n;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
