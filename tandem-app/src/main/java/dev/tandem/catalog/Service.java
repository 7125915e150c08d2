package dev.tandem.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A service as stored: its owner, level, links, and what it depends on (other services and resources).
 * What depends on it is asked separately ({@link Services#dependents}), since it belongs to the others.
 */
public record Service(long id, String name, String title, String description, String type, String owner,
                      String system, ReadinessLevel readinessLevel, String lifecycle, Integer tier,
                      String repositoryUrl, String runbookUrl, List<String> tags, List<Link> links,
                      List<String> dependsOn, List<String> dependsOnResources, List<String> providesApis,
                      List<String> consumesApis, Instant createdAt, Instant updatedAt, int version) {

    public String label() {
        return title == null || title.isBlank() ? name : title;
    }

    public List<Link> dashboards() {
        return links.stream().filter(Link::isDashboard).toList();
    }

    public List<Link> otherLinks() {
        return links.stream().filter(l -> !l.isDashboard()).toList();
    }
}
