package dev.tandem.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole catalog as comparable values, keyed by name: what an import compares a file against, and
 * what an export writes. Each record holds exactly what the descriptor format can say, so "unchanged"
 * means equal records.
 */
public record CatalogState(Map<String, TeamState> teams, Map<String, PersonState> people,
                           Map<String, DomainState> domains, Map<String, SystemState> systems,
                           Map<String, ResourceState> resources, Map<String, ApiState> apis,
                           Map<String, ServiceState> services, Set<Membership> memberships) {

    /** Labels, annotations, tags and links that Tandem keeps only to write them back. */
    public record Meta(String title, Map<String, String> labels, Map<String, String> annotations, List<String> tags,
                       List<Map<String, String>> links, Map<String, String> extra) {

        public static final Meta EMPTY = new Meta(null, Map.of(), Map.of(), List.of(), List.of(), Map.of());

        public Meta {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
            tags = tags == null ? List.of() : List.copyOf(tags);
            links = links == null ? List.of() : List.copyOf(links);
            extra = extra == null ? Map.of() : Map.copyOf(extra);
        }
    }

    public record TeamState(String name, String displayName, String description, String chatChannel, String email,
                            String type, String parent, Meta meta) {
    }

    public record PersonState(String name, String displayName, String email, String role, Meta meta) {
    }

    public record Membership(String team, String person) {
    }

    public record DomainState(String name, String title, String description, String owner, Meta meta) {
    }

    public record SystemState(String name, String title, String description, String owner, String domain, Meta meta) {
    }

    public record ResourceState(String name, String title, String description, String type, String owner,
                                String system, Meta meta) {
    }

    public record ApiState(String name, String title, String description, String type, String lifecycle,
                           String owner, String system, String definition, Meta meta) {
    }

    public record ServiceState(String name, String title, String description, String type, String owner,
                               String system, String level, String lifecycle, Integer tier, String repositoryUrl,
                               String runbookUrl, List<String> tags, List<dev.tandem.catalog.Link> links, Meta meta,
                               List<String> dependsOn, List<String> resources, List<String> providesApis,
                               List<String> consumesApis) {
    }
}
