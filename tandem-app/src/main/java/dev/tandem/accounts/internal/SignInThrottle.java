package dev.tandem.accounts.internal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code tandem.sign-in.max-failures} failed sign-ins for one username
 * within {@code tandem.sign-in.window}, that username is locked for the same window (sign-in form and
 * HTTP Basic alike; API tokens are not passwords and are not affected). Counts are kept per instance.
 */
@Component
class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Autowired
    SignInThrottle(@Value("${tandem.sign-in.max-failures:10}") int maxFailures,
                   @Value("${tandem.sign-in.window:15m}") Duration window) {
        this(maxFailures, window, Clock.systemUTC());
    }

    SignInThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    boolean locked(String username) {
        Deque<Instant> recent = failures.get(key(username));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= maxFailures;
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null || username.isBlank()) {
            return;
        }
        if (failures.size() >= MAX_TRACKED) {
            forgetExpired();
            if (failures.size() >= MAX_TRACKED && !failures.containsKey(key(username))) {
                return; // a flood of invented usernames must not exhaust memory; known ones stay counted
            }
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            if (recent.size() < maxFailures) {
                recent.addLast(clock.instant());
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private void forgetExpired() {
        failures.values().removeIf(recent -> {
            synchronized (recent) {
                prune(recent);
                return recent.isEmpty();
            }
        });
    }

    private void prune(Deque<Instant> recent) {
        Instant oldest = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(oldest)) {
            recent.pollFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
    }
}
