package dev.tandem.catalog;

/** Filters of the service list; null or blank means "any". {@code q} searches name, title and description. */
public record ServiceQuery(String q, String owner, ReadinessLevel level, String lifecycle, String tag, String system) {

    public static ServiceQuery all() {
        return new ServiceQuery(null, null, null, null, null, null);
    }
}
