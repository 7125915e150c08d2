package dev.tandem.bench;

import java.util.List;

/**
 * In-memory model of a generated organisation. Small enough to hold entirely in memory
 * (10k services is a few megabytes); the YAML rendering is streamed separately.
 */
public record Organisation(
        List<Team> teams,
        List<Person> people,
        List<SystemEntity> systems,
        List<Resource> resources,
        List<Service> services) {

    /** Position of a service in the layered dependency DAG. Services only depend "downwards". */
    public enum Layer { CORE, MID, EDGE }

    public record Team(String name, String displayName, String homeSystem) {}

    public record Person(String name, String displayName, String email, String role, List<String> teams) {}

    public record SystemEntity(String name, String displayName, String owner, String description) {}

    public record Resource(String name, String type, String owner, String system, String description) {}

    public record Service(
            String name,
            Layer layer,
            String owner,
            String system,
            String lifecycle,
            String description,
            List<String> tags,
            String tier,
            String readiness,
            List<String> dependsOnServices,
            List<String> dependsOnResources) {}

    public int documentCount() {
        return teams.size() + people.size() + systems.size() + resources.size() + services.size();
    }
}
