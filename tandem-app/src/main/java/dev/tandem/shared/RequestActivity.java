package dev.tandem.shared;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Whether people are using the server right now. The web layer counts requests in and out; background
 * jobs ask {@link #busy()} to decide how much of the machine they may take (docs/performance.md,
 * "Background work"). Busy means a request is being served or one ended less than a second ago.
 * Monitoring requests ({@code /actuator/...}) do not count.
 */
@Component
public class RequestActivity {

    /** How long after the last request the server still counts as busy. */
    public static final long QUIET_AFTER_NANOS = 1_000_000_000L;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongSupplier clock;
    private volatile long lastEnded;

    public RequestActivity() {
        this(System::nanoTime);
    }

    RequestActivity(LongSupplier clock) {
        this.clock = clock;
        this.lastEnded = clock.getAsLong() - QUIET_AFTER_NANOS;
    }

    public void started() {
        inFlight.incrementAndGet();
    }

    public void ended() {
        lastEnded = clock.getAsLong();
        inFlight.decrementAndGet();
    }

    public boolean busy() {
        return inFlight.get() > 0 || clock.getAsLong() - lastEnded < QUIET_AFTER_NANOS;
    }
}
