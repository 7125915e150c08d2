package dev.tandem.web;

import dev.tandem.shared.InvalidInputException;

/**
 * Optimistic locking on the API: the version a client edited comes from {@code If-Match} (a stale one
 * is 412) or from the body's {@code version} field (a stale one is 409). One of them is required.
 */
public final class Versions {

    private Versions() {
    }

    public record Expected(int version, boolean fromIfMatch) {
    }

    public static Expected expected(String ifMatch, Integer bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return new Expected(Integer.parseInt(tag), true);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("If-Match", "expected the ETag of a version, e.g. \"3\"");
            }
        }
        if (bodyVersion == null) {
            throw new InvalidInputException("version",
                    "send the version you edited (the body's version field, or an If-Match header with the ETag)");
        }
        return new Expected(bodyVersion, false);
    }

    public static Integer optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : expected(ifMatch, null).version();
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
