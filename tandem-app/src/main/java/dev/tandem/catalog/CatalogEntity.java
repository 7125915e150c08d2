package dev.tandem.catalog;

/** A resource, API or domain: records that arrive with Backstage descriptors and are shown read-only. */
public record CatalogEntity(String kind, String name, String title, String description, String type, String owner,
                            String system) {

    public String label() {
        return title == null || title.isBlank() ? name : title;
    }
}
