package dev.tandem.program;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterTest {

    @Test
    void quartersOfTheCalendarInUtc() {
        Quarter q4 = Quarter.of(LocalDate.of(2026, 11, 27));
        assertThat(q4).hasToString("2026-Q4");
        assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q4.next()).hasToString("2027-Q1");
        assertThat(Quarter.of(LocalDate.of(2026, 1, 1)).previous()).hasToString("2025-Q4");
        assertThat(q4.contains(Instant.parse("2026-12-31T23:59:59Z"))).isTrue();
        assertThat(q4.contains(Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
        assertThat(q4.contains(Instant.parse("2026-09-30T23:59:59Z"))).isFalse();
        assertThat(q4.contains(null)).isFalse();
    }
}
