package dev.tandem.slo;

import io.swagger.v3.oas.annotations.media.Schema;

/** One pushed count: the events of the minute that contains {@code timestamp}; {@code good} or {@code bad}, and {@code total}. */
@Schema(description = "Events of one minute for the built-in store")
public record EventInput(@Schema(example = "2026-03-10T12:00:00Z") String timestamp,
                         @Schema(example = "998") Long good,
                         @Schema(example = "2") Long bad,
                         @Schema(example = "1000") Long total) {
}
