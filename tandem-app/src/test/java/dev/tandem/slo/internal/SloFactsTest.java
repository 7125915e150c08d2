package dev.tandem.slo.internal;

import dev.tandem.catalog.ReadinessLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class SloFactsTest {

    private static boolean fits(ReadinessLevel level, String target) {
        return SloFacts.fits(level, new BigDecimal(target));
    }

    @Test
    void levelsTakeTheirTargetRangesWithTheBoundariesWhereTheReadinessLevelsSayThem() {
        assertThat(fits(ReadinessLevel.A, "0.9995")).isTrue();
        assertThat(fits(ReadinessLevel.A, "0.999")).as("99.9 % is B's top, not A").isFalse();
        assertThat(fits(ReadinessLevel.B, "0.999")).isTrue();
        assertThat(fits(ReadinessLevel.B, "0.99")).isTrue();
        assertThat(fits(ReadinessLevel.B, "0.9899")).isFalse();
        assertThat(fits(ReadinessLevel.B, "0.9995")).isFalse();
        assertThat(fits(ReadinessLevel.C, "0.95")).isTrue();
        assertThat(fits(ReadinessLevel.C, "0.985")).isTrue();
        assertThat(fits(ReadinessLevel.C, "0.99")).isFalse();
        assertThat(fits(ReadinessLevel.C, "0.9")).isFalse();
        assertThat(SloFacts.fits(ReadinessLevel.B, BigDecimal.valueOf(0.999))).as("a double read back from the database").isTrue();
    }
}
