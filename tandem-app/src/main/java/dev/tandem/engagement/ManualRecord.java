package dev.tandem.engagement;

import java.time.Instant;

/** Someone with edit rights recorded a manual criterion as met (with evidence) or set it back to not met. */
public record ManualRecord(long id, String key, boolean met, String evidence, String url, String recordedBy,
                           Instant recordedAt) {
}
