package dev.tandem.catalog.backstage;

/** An entry of {@code metadata.links}; only {@code url} is required, the rest may be {@code null}. */
public record Link(String url, String title, String icon, String type) {
}
