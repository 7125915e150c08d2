package dev.tandem.survey;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatingStatsTest {

    @Test
    void meanDistributionAndCount() {
        RatingStats s = RatingStats.of(List.of(1, 5, 5, 4, 2, 5));
        assertThat(s.count()).isEqualTo(6);
        assertThat(s.mean()).isCloseTo(22.0 / 6, within(1e-12));
        assertThat(s.distribution()).containsExactly(1, 1, 0, 1, 3);
        assertThat(s.percent(5)).isEqualTo(50);
        assertThat(s.meanText()).isEqualTo("3.67");
    }

    @Test
    void twoDecimalsRoundHalfUp() {
        assertThat(RatingStats.of(List.of(5, 5, 5, 5, 5, 4, 4, 4)).meanText()).as("37 / 8 = 4.625").isEqualTo("4.63");
        assertThat(RatingStats.format(4.6349)).isEqualTo("4.63");
        assertThat(RatingStats.format(4.0)).isEqualTo("4.00");
        assertThat(RatingStats.format(null)).isEqualTo("–");
    }

    @Test
    void nothingToAverage() {
        RatingStats s = RatingStats.of(Arrays.asList(null, 0, 6));
        assertThat(s.count()).isZero();
        assertThat(s.mean()).isNull();
        assertThat(s.percent(3)).isZero();
        assertThat(s.distribution()).containsExactly(0, 0, 0, 0, 0);
    }
}
