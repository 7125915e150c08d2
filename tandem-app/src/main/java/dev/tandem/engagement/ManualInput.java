package dev.tandem.engagement;

/**
 * A manual criterion recorded as met or not: as met it needs evidence, a text, a link (http or https), or both.
 */
public record ManualInput(Boolean met, String evidence, String url) {
}
