package dev.tandem.engagement.internal;

import dev.tandem.engagement.Assessment;
import dev.tandem.engagement.AssessmentKind;
import dev.tandem.engagement.MaturityArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maturity assessments in their two tables: the assessment, and one row per area score. */
@Component
public class AssessmentRows {

    private static final String ORDER = " order by a.assessed_on, a.id";

    private final JdbcClient jdbc;

    AssessmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Assessment> forEngagement(long engagementId) {
        return load(" where a.engagement_id = ?" + ORDER, List.of(engagementId));
    }

    public Optional<Assessment> find(long id) {
        return load(" where a.id = ?", List.of(id)).stream().findFirst();
    }

    /** Every engagement's assessments, each list in date order. */
    public Map<Long, List<Assessment>> all() {
        Map<Long, List<Assessment>> out = new LinkedHashMap<>();
        for (Assessment a : load(ORDER, List.of())) {
            out.computeIfAbsent(a.engagementId(), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    public long insert(long engagementId, AssessmentKind kind, LocalDate date, String assessor,
                       Map<MaturityArea, Integer> scores, Map<MaturityArea, String> notes, String actor, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into maturity_assessments (engagement_id, kind, assessed_on, assessor, created_by, created_at, "
                        + "updated_by, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(engagementId, kind.name(), Date.valueOf(date), assessor, actor, Timestamp.from(now), actor,
                        Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeScores(id, scores, notes);
        return id;
    }

    /** 0 when the version moved on meanwhile. */
    public int update(long id, int version, AssessmentKind kind, LocalDate date, String assessor,
                      Map<MaturityArea, Integer> scores, Map<MaturityArea, String> notes, String actor, Instant now) {
        int n = jdbc.sql("update maturity_assessments set kind = ?, assessed_on = ?, assessor = ?, updated_by = ?, "
                        + "updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(kind.name(), Date.valueOf(date), assessor, actor, Timestamp.from(now), id, version).update();
        if (n > 0) {
            jdbc.sql("delete from maturity_scores where assessment_id = ?").param(id).update();
            writeScores(id, scores, notes);
        }
        return n;
    }

    private void writeScores(long id, Map<MaturityArea, Integer> scores, Map<MaturityArea, String> notes) {
        for (MaturityArea area : MaturityArea.values()) {
            jdbc.sql("insert into maturity_scores (assessment_id, area, score, note) values (?, ?, ?, ?)")
                    .params(id, area.name(), scores.get(area), notes.get(area)).update();
        }
    }

    private record Head(long id, long engagementId, AssessmentKind kind, LocalDate date, String assessor, String createdBy,
                        Instant createdAt, String updatedBy, Instant updatedAt, int version) {
    }

    private List<Assessment> load(String where, List<Object> params) {
        List<Head> heads = jdbc.sql("select * from maturity_assessments a" + where).params(params).query(AssessmentRows::head).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<MaturityArea, Assessment.AreaScore>> scores = new HashMap<>();
        String ids = String.join(",", heads.stream().map(h -> String.valueOf(h.id())).toList());
        jdbc.sql("select assessment_id, area, score, note from maturity_scores where assessment_id in (" + ids + ")")
                .query(rs -> {
                    MaturityArea area = MaturityArea.valueOf(rs.getString("area"));
                    scores.computeIfAbsent(rs.getLong("assessment_id"), k -> new java.util.EnumMap<>(MaturityArea.class))
                            .put(area, new Assessment.AreaScore(area.key(), area.label(), rs.getInt("score"), rs.getString("note")));
                });
        List<Assessment> out = new ArrayList<>();
        for (Head h : heads) {
            List<Assessment.AreaScore> list = new ArrayList<>(scores.getOrDefault(h.id(), Map.of()).values());
            out.add(new Assessment(h.id(), h.engagementId(), h.kind(), h.date(), h.assessor(), list, h.createdBy(),
                    h.createdAt(), h.updatedBy(), h.updatedAt(), h.version()));
        }
        return out;
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getLong("id"), rs.getLong("engagement_id"), AssessmentKind.valueOf(rs.getString("kind")),
                rs.getDate("assessed_on").toLocalDate(), rs.getString("assessor"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
