package dev.tandem.readiness.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.ReadinessChecks;
import dev.tandem.readiness.Scorecard;
import dev.tandem.readiness.ScorecardHistoryPoint;
import dev.tandem.readiness.ScorecardRollup;
import dev.tandem.readiness.ScorecardRun;
import dev.tandem.shared.Json;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scorecard levels for many services at once. Facts are read in one pass into a compact table (a byte per
 * check and service), exemptions are laid over it, and each service climbs the levels until one fails.
 * Only what the scorecards ask for is read, so the cost follows the checks in use, not all facts stored.
 */
@Component
public class ScorecardEvaluation {

    private static final byte NO_DATA = (byte) CheckStatus.NO_DATA.ordinal();
    private static final CheckStatus[] STATUSES = CheckStatus.values();

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ScorecardEvaluation(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** The services with what filters read; tags stay JSON until a filter asks for them. */
    record ServiceRow(long id, String owner, ReadinessLevel level, String lifecycle, String tagsJson) {

        List<String> tags() {
            return Json.readStrings(tagsJson);
        }
    }

    /** Facts of many services laid out by service position and key position. */
    static final class FactTable {
        final Map<String, Integer> keys;
        final Map<Long, Integer> positions;
        final byte[][] outcomes;
        final Object[][] values;
        long cells;

        FactTable(Map<String, Integer> keys, List<ServiceRow> services, boolean withValues) {
            this.keys = keys;
            this.positions = new HashMap<>(services.size() * 2);
            this.outcomes = new byte[services.size()][];
            this.values = withValues ? new Object[services.size()][] : null;
            for (int i = 0; i < services.size(); i++) {
                positions.put(services.get(i).id(), i);
                outcomes[i] = new byte[keys.size()];
                java.util.Arrays.fill(outcomes[i], NO_DATA);
                if (withValues) {
                    values[i] = new Object[keys.size()];
                }
            }
        }
    }

    @Transactional
    public ScorecardRun evaluateAll(List<Scorecard> cards) {
        long start = System.nanoTime();
        List<ServiceRow> services = jdbc.sql("""
                select s.id, t.name owner, s.readiness_level, s.lifecycle, s.tags from services s
                join teams t on t.id = s.owner_team_id order by s.id""")
                .query((rs, n) -> new ServiceRow(rs.getLong(1), rs.getString(2), ReadinessLevel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list();
        FactTable table = load(cards, services, null);
        Timestamp now = Timestamp.from(Instant.now());
        List<Long> cardIds = new ArrayList<>();
        List<int[]> ranks = new ArrayList<>();
        for (Scorecard card : cards) {
            cardIds.add(cardId(card.name()));
            int[] r = new int[services.size()];
            for (int i = 0; i < services.size(); i++) {
                r[i] = matches(card, services.get(i)) ? rank(card, table, i) : -1;
            }
            ranks.add(r);
        }
        long evaluated = System.nanoTime();
        // write only what changed: a run that moves no service writes no level
        for (int c = 0; c < cards.size(); c++) {
            long cardId = cardIds.get(c);
            Scorecard card = cards.get(c);
            Map<Long, Integer> stored = new HashMap<>();
            jdbcTemplate.query("select service_id, level_rank from scorecard_levels where scorecard_id = ?",
                    rs -> { stored.put(rs.getLong(1), rs.getInt(2)); }, cardId);
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> deletes = new ArrayList<>();
            int[] r = ranks.get(c);
            for (int i = 0; i < services.size(); i++) {
                long id = services.get(i).id();
                Integer before = stored.remove(id);
                String name = r[i] <= 0 ? null : card.levels().get(r[i] - 1).name();
                if (r[i] < 0) {
                    if (before != null) {
                        deletes.add(new Object[] {cardId, id});
                    }
                } else if (before == null) {
                    inserts.add(new Object[] {cardId, id, r[i], name, now});
                } else if (before != r[i]) {
                    updates.add(new Object[] {r[i], name, now, cardId, id});
                }
            }
            stored.keySet().forEach(id -> deletes.add(new Object[] {cardId, id}));
            jdbcTemplate.batchUpdate("delete from scorecard_levels where scorecard_id = ? and service_id = ?", deletes);
            jdbcTemplate.batchUpdate("""
                    update scorecard_levels set level_rank = ?, level_name = ?, evaluated_at = ?
                    where scorecard_id = ? and service_id = ?""", updates);
            jdbcTemplate.batchUpdate("""
                    insert into scorecard_levels (scorecard_id, service_id, level_rank, level_name, evaluated_at)
                    values (?, ?, ?, ?, ?)""", inserts);
        }
        for (Scorecard card : cards) {
            snapshot(card);
        }
        return new ScorecardRun(cards.size(), services.size(), table.cells, (evaluated - start) / 1_000,
                (System.nanoTime() - start) / 1_000);
    }

    /** Evaluates the cards over stored facts without writing anything: the pure cost of evaluation. */
    public long evaluateOnly(List<Scorecard> cards, int[] ranksOut) {
        List<ServiceRow> services = jdbc.sql("""
                select s.id, t.name owner, s.readiness_level, s.lifecycle, s.tags from services s
                join teams t on t.id = s.owner_team_id order by s.id""")
                .query((rs, n) -> new ServiceRow(rs.getLong(1), rs.getString(2), ReadinessLevel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list();
        FactTable table = load(cards, services, null);
        for (Scorecard card : cards) {
            for (int i = 0; i < services.size(); i++) {
                if (matches(card, services.get(i))) {
                    int r = rank(card, table, i);
                    if (ranksOut != null && i < ranksOut.length) {
                        ranksOut[i] = r;
                    }
                }
            }
        }
        return table.cells;
    }

    @Transactional
    public ScorecardRun evaluateService(long serviceId, List<Scorecard> cards) {
        long start = System.nanoTime();
        List<ServiceRow> services = jdbc.sql("""
                select s.id, t.name owner, s.readiness_level, s.lifecycle, s.tags from services s
                join teams t on t.id = s.owner_team_id where s.id = ?""").param(serviceId)
                .query((rs, n) -> new ServiceRow(rs.getLong(1), rs.getString(2), ReadinessLevel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list();
        if (services.isEmpty()) {
            return new ScorecardRun(cards.size(), 0, 0, 0, 0);
        }
        FactTable table = load(cards, services, serviceId);
        int[] ranks = new int[cards.size()];
        for (int c = 0; c < cards.size(); c++) {
            ranks[c] = matches(cards.get(c), services.get(0)) ? rank(cards.get(c), table, 0) : -1;
        }
        long evaluated = System.nanoTime() - start;
        Timestamp now = Timestamp.from(Instant.now());
        for (int c = 0; c < cards.size(); c++) {
            Scorecard card = cards.get(c);
            long cardId = cardId(card.name());
            jdbc.sql("delete from scorecard_levels where scorecard_id = ? and service_id = ?").params(cardId, serviceId).update();
            if (ranks[c] >= 0) {
                int rank = ranks[c];
                jdbc.sql("""
                        insert into scorecard_levels (scorecard_id, service_id, level_rank, level_name, evaluated_at)
                        values (?, ?, ?, ?, ?)""")
                        .params(cardId, serviceId, rank, rank == 0 ? null : card.levels().get(rank - 1).name(), now).update();
            }
        }
        return new ScorecardRun(cards.size(), 1, table.cells, evaluated / 1_000, (System.nanoTime() - start) / 1_000);
    }

    private long cardId(String name) {
        return jdbc.sql("select id from scorecards where name = ?").param(name).query(Long.class).single();
    }

    private static boolean matches(Scorecard card, ServiceRow s) {
        Scorecard.Filter f = card.filter();
        return (f.owners().isEmpty() || f.owners().contains(s.owner()))
                && (f.levels().isEmpty() || f.levels().contains(s.level()))
                && (f.lifecycles().isEmpty() || f.lifecycles().contains(s.lifecycle()))
                && (f.tags().isEmpty() || s.tags().stream().anyMatch(f.tags()::contains));
    }

    /** Reads the facts (and active exemptions) the cards need, for all services or for one. */
    private FactTable load(List<Scorecard> cards, List<ServiceRow> services, Long onlyService) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        boolean withValues = false;
        for (Scorecard card : cards) {
            for (Scorecard.Level level : card.levels()) {
                for (String id : level.checks()) {
                    if (card.rules().stream().noneMatch(r -> r.id().equals(id))) {
                        keys.putIfAbsent(ReadinessChecks.factKey(id), keys.size());
                    }
                }
            }
            for (Scorecard.Rule rule : card.rules()) {
                keys.putIfAbsent(rule.fact(), keys.size());
                withValues = true;
            }
        }
        FactTable table = new FactTable(keys, services, withValues);
        if (keys.isEmpty() || services.isEmpty()) {
            return table;
        }
        long nowMillis = System.currentTimeMillis();
        long nowSeconds = nowMillis / 1000;
        String where = onlyService == null ? "" : " where service_id = " + onlyService;
        jdbcTemplate.query("select service_id, encoded from fact_outcomes" + where, rs -> {
            Integer pos = table.positions.get(rs.getLong(1));
            if (pos == null) {
                return;
            }
            byte[] row = table.outcomes[pos];
            FactOutcomes.decode(rs.getString(2), keys, nowSeconds, (key, outcome) -> {
                row[key] = outcome;
                table.cells++;
            });
        });
        if (withValues) {
            // rules compare values, which the compact read model leaves out: read just those facts
            List<String> ruleFacts = new ArrayList<>();
            for (Scorecard card : cards) {
                card.rules().forEach(r -> ruleFacts.add(r.fact()));
            }
            String in = String.join(",", java.util.Collections.nCopies(ruleFacts.size(), "?"));
            List<Object> params = new ArrayList<>(ruleFacts);
            String serviceFilter = "";
            if (onlyService != null) {
                serviceFilter = " and service_id = ?";
                params.add(onlyService);
            }
            jdbcTemplate.query("select service_id, fact_key, value_json, expires_at from facts where fact_key in (" + in + ")"
                    + serviceFilter, rs -> {
                Integer pos = table.positions.get(rs.getLong(1));
                Integer key = keys.get(rs.getString(2));
                Timestamp expires = rs.getTimestamp(4);
                if (pos == null || key == null || (expires != null && expires.getTime() <= nowMillis)) {
                    return;
                }
                String v = rs.getString(3);
                table.values[pos][key] = v == null ? null : Json.read(v, Object.class);
            }, params.toArray());
        }
        jdbcTemplate.query("select service_id, check_id, expires_at from check_exemptions" + where, rs -> {
            Integer key = keys.get(ReadinessChecks.factKey(rs.getString(2)));
            Integer pos = table.positions.get(rs.getLong(1));
            if (key == null || pos == null || rs.getTimestamp(3).getTime() <= nowMillis) {
                return;
            }
            byte o = table.outcomes[pos][key];
            if (o == NO_DATA || o == CheckStatus.FAIL.ordinal()) {
                table.outcomes[pos][key] = (byte) CheckStatus.EXEMPT.ordinal();
            }
        });
        return table;
    }

    private static int rank(Scorecard card, FactTable table, int pos) {
        int rank = 0;
        for (Scorecard.Level level : card.levels()) {
            for (String id : level.checks()) {
                if (!passes(card, id, table, pos)) {
                    return rank;
                }
            }
            rank++;
        }
        return rank;
    }

    private static boolean passes(Scorecard card, String id, FactTable table, int pos) {
        for (Scorecard.Rule rule : card.rules()) {
            if (rule.id().equals(id)) {
                int key = table.keys.get(rule.fact());
                return RuleEvaluator.test(rule.operator(), table.values[pos][key], rule.value());
            }
        }
        return STATUSES[table.outcomes[pos][table.keys.get(ReadinessChecks.factKey(id))]].passing();
    }

    /** Today's counts per team and rank, replacing any earlier snapshot of the same day. */
    void snapshot(Scorecard card) {
        long cardId = cardId(card.name());
        Date today = Date.valueOf(LocalDate.now(ZoneOffset.UTC));
        jdbc.sql("delete from scorecard_history where scorecard_id = ? and snapshot_day = ?").params(cardId, today).update();
        jdbc.sql("""
                insert into scorecard_history (scorecard_id, snapshot_day, team_name, level_rank, services)
                select l.scorecard_id, ?, t.name, l.level_rank, count(*) from scorecard_levels l
                join services s on s.id = l.service_id join teams t on t.id = s.owner_team_id
                where l.scorecard_id = ? group by l.scorecard_id, t.name, l.level_rank""")
                .params(today, cardId).update();
    }

    public ScorecardRollup rollup(Scorecard card) {
        long cardId = cardId(card.name());
        int ranks = card.levels().size() + 1;
        Map<String, int[]> teams = new LinkedHashMap<>();
        int[] org = new int[ranks];
        jdbc.sql("""
                select t.name, l.level_rank, count(*) from scorecard_levels l join services s on s.id = l.service_id
                join teams t on t.id = s.owner_team_id where l.scorecard_id = ? group by t.name, l.level_rank order by t.name""")
                .param(cardId).query(rs -> {
                    int rank = Math.min(rs.getInt(2), ranks - 1);
                    int count = rs.getInt(3);
                    teams.computeIfAbsent(rs.getString(1), k -> new int[ranks])[rank] += count;
                    org[rank] += count;
                });
        List<ScorecardRollup.Row> rows = new ArrayList<>();
        teams.forEach((team, counts) -> rows.add(new ScorecardRollup.Row(team, counts)));
        return new ScorecardRollup(card.name(), card.levelNames(), new ScorecardRollup.Row("", org), rows);
    }

    public List<ScorecardHistoryPoint> history(Scorecard card, int days) {
        long cardId = cardId(card.name());
        int ranks = card.levels().size() + 1;
        Map<LocalDate, int[]> byDay = new LinkedHashMap<>();
        jdbc.sql("""
                select snapshot_day, level_rank, sum(services) from scorecard_history where scorecard_id = ? and snapshot_day >= ?
                group by snapshot_day, level_rank order by snapshot_day""")
                .params(cardId, Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(Math.max(1, days))))
                .query(rs -> {
                    int rank = Math.min(rs.getInt(2), ranks - 1);
                    byDay.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new int[ranks])[rank] += rs.getInt(3);
                });
        List<ScorecardHistoryPoint> out = new ArrayList<>();
        byDay.forEach((day, counts) -> out.add(new ScorecardHistoryPoint(day, counts)));
        return out;
    }
}
