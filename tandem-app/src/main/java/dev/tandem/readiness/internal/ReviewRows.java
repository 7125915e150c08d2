package dev.tandem.readiness.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.readiness.ItemState;
import dev.tandem.readiness.Review;
import dev.tandem.readiness.ReviewEvent;
import dev.tandem.readiness.ReviewItem;
import dev.tandem.readiness.ReviewState;
import dev.tandem.shared.Json;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Row mapping for reviews, their items and their history. */
public final class ReviewRows {

    public static final String SELECT = "select r.*, s.name service_name from readiness_reviews r join services s on s.id = r.service_id";

    public static final RowMapper<Review> REVIEW = (rs, n) -> new Review(rs.getLong("id"), rs.getString("service_name"),
            rs.getString("checklist_name"), rs.getInt("checklist_version"), ReviewState.valueOf(rs.getString("state")),
            rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("reviewer"),
            instant(rs, "decided_at"), rs.getString("decision_comment"),
            rs.getString("approved_level") == null ? null : ReadinessLevel.valueOf(rs.getString("approved_level")),
            rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));

    public static final RowMapper<ReviewItem> ITEM = (rs, n) -> new ReviewItem(rs.getString("item_id"),
            ItemState.valueOf(rs.getString("state")), rs.getString("evidence"), Json.readStrings(rs.getString("links")),
            rs.getString("justification"), rs.getString("attested_by"), instant(rs, "attested_at"), rs.getInt("version"));

    public static final RowMapper<ReviewEvent> EVENT = (rs, n) -> new ReviewEvent(rs.getLong("id"),
            instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("kind"), rs.getString("item_id"),
            rs.getString("from_state"), rs.getString("to_state"), rs.getString("comment"));

    private ReviewRows() {
    }

    public static String linksJson(List<String> links) {
        return links == null || links.isEmpty() ? null : Json.write(links);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
