package dev.tandem.catalog.internal;

import dev.tandem.catalog.Link;
import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.ServiceSummary;
import dev.tandem.shared.Json;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;

import java.util.List;

/** How services' JSON columns are written and read. */
public final class ServiceRows {

    private static final TypeReference<List<Link>> LINKS = new TypeReference<>() { };

    public static final String SUMMARY_COLUMNS =
            " s.name, s.title, s.description, t.name owner_name, y.name system_name, s.readiness_level, s.lifecycle, s.tier, s.tags, s.updated_at ";
    public static final String SUMMARY_FROM =
            " from services s join teams t on t.id = s.owner_team_id left join systems y on y.id = s.system_id ";

    public static final RowMapper<ServiceSummary> SUMMARY = (rs, n) -> new ServiceSummary(rs.getString("name"),
            rs.getString("title"), rs.getString("description"), rs.getString("owner_name"), rs.getString("system_name"),
            ReadinessLevel.valueOf(rs.getString("readiness_level")), rs.getString("lifecycle"), Sql.integer(rs, "tier"),
            tags(rs.getString("tags")), Sql.instant(rs, "updated_at"));

    private ServiceRows() {
    }

    public static String tagsJson(List<String> tags) {
        return tags == null || tags.isEmpty() ? null : Json.write(tags);
    }

    public static List<String> tags(String json) {
        return Json.readStrings(json);
    }

    public static String linksJson(List<Link> links) {
        return links == null || links.isEmpty() ? null : Json.write(links);
    }

    public static List<Link> links(String json) {
        return json == null || json.isBlank() ? List.of() : Json.read(json, LINKS);
    }
}
