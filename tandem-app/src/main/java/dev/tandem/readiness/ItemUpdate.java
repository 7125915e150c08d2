package dev.tandem.readiness;

import java.util.List;

/**
 * A new answer to a checklist item. {@code version} is the item's version as the editor saw it (0 for an
 * item never answered); a stale one is refused.
 */
public record ItemUpdate(String state, String evidence, List<String> links, String justification, Integer version) {
}
