package dev.tandem.readiness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FactRefreshPaceTest {

    @Test
    void theRunWaitsTwiceAsLongAsTheServiceTookAndStopsWhenInterrupted() {
        long start = System.nanoTime();
        assertThat(FactRefresh.giveWay(20_000_000L)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(35_000_000L);

        Thread.currentThread().interrupt();
        try {
            assertThat(FactRefresh.giveWay(1_000L)).isFalse();
        } finally {
            Thread.interrupted();
        }
    }
}
