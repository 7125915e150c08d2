package dev.tandem.accounts.internal;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void locksAUsernameAfterTooManyFailuresWithinTheWindow() {
        fail("bob");
        fail("bob");
        assertThat(throttle.locked("bob")).isFalse();
        fail("BOB");
        assertThat(throttle.locked("bob")).as("usernames are compared without case").isTrue();
        assertThat(throttle.locked("alice")).isFalse();
    }

    @Test
    void theLockEndsWhenTheFailuresLeaveTheWindow() {
        fail("bob");
        now = now.plus(Duration.ofMinutes(10));
        fail("bob");
        fail("bob");
        assertThat(throttle.locked("bob")).isTrue();
        now = now.plus(Duration.ofMinutes(6));
        assertThat(throttle.locked("bob")).as("the first failure is older than 15 minutes").isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsThePastFailures() {
        fail("bob");
        fail("bob");
        throttle.succeeded(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated("bob", null, java.util.List.of())));
        fail("bob");
        assertThat(throttle.locked("bob")).isFalse();
    }

    private void fail(String username) {
        throttle.failed(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "guess"), new BadCredentialsException("bad")));
    }
}
