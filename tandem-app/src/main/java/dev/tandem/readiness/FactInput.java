package dev.tandem.readiness;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A fact a pipeline pushes: a key, and an outcome (pass, fail, exempt, not-applicable) and/or a value
 * (number, text, true/false), optional details, and how long it stays true ({@code ttl}: 30m, 24h, 7d or
 * ISO-8601 such as PT12H; 7 days when absent, 365 days at most).
 */
@Schema(description = "A fact pushed by a pipeline")
public record FactInput(
        @Schema(example = "load-test") String key,
        @Schema(example = "pass", allowableValues = {"pass", "fail", "exempt", "not-applicable"}) String outcome,
        @Schema(example = "1250.5", description = "a number, text or true/false") Object value,
        @Schema(example = "p99 180 ms at 1,200 req/s") String details,
        @Schema(example = "7d") String ttl) {
}
