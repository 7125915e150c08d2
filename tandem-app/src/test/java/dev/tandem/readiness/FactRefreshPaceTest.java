package dev.tandem.readiness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FactRefreshPaceTest {

    @Test
    void theRunWaitsLongerWhileRequestsAreServedAndStopsWhenInterrupted() {
        long start = System.nanoTime();
        assertThat(FactRefresh.giveWay(20_000_000L, false)).isTrue();
        long idle = System.nanoTime() - start;
        assertThat(idle).isGreaterThanOrEqualTo(20_000_000L);

        start = System.nanoTime();
        assertThat(FactRefresh.giveWay(20_000_000L, true)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(160_000_000L);

        Thread.currentThread().interrupt();
        try {
            assertThat(FactRefresh.giveWay(1_000L, true)).isFalse();
        } finally {
            Thread.interrupted();
        }
    }
}
