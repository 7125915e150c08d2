package dev.tandem.survey;

/**
 * A request to survey an engagement's team. {@code templateId} absent: the shipped template.
 * {@code label} is required for a custom milestone and optional otherwise.
 */
public record SendRequest(Long templateId, String milestone, String label) {
}
