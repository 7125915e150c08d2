package dev.tandem.shared;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RequestActivityTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final RequestActivity activity = new RequestActivity(now::get);

    @Test
    void quietUntilARequestArrives() {
        assertThat(activity.busy()).isFalse();
    }

    @Test
    void busyWhileARequestIsServedHoweverLongItTakes() {
        activity.started();
        now.addAndGet(10 * RequestActivity.QUIET_AFTER_NANOS);
        assertThat(activity.busy()).isTrue();
    }

    @Test
    void busyForASecondAfterTheLastRequestEnded() {
        activity.started();
        activity.ended();
        now.addAndGet(RequestActivity.QUIET_AFTER_NANOS - 1);
        assertThat(activity.busy()).isTrue();
        now.addAndGet(1);
        assertThat(activity.busy()).isFalse();
    }

    @Test
    void oneRequestEndingLeavesTheServerBusyWhileAnotherRuns() {
        activity.started();
        activity.started();
        activity.ended();
        now.addAndGet(2 * RequestActivity.QUIET_AFTER_NANOS);
        assertThat(activity.busy()).isTrue();
        activity.ended();
        now.addAndGet(RequestActivity.QUIET_AFTER_NANOS);
        assertThat(activity.busy()).isFalse();
    }
}
