package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The throttle's clock rules, on a hand-driven Caffeine ticker (the HTTP behaviour is in SecuritySignInThrottleTest). */
class SecurityLoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(3, 10, Duration.ofMinutes(15), Duration.ofMinutes(10), now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void theLockEndsAfterItsDuration() {
        throttle.failed("alice", "192.0.2.1");
        throttle.failed("alice", "192.0.2.1");
        assertThat(throttle.failed("alice", "192.0.2.1").userLocked()).isTrue();
        assertThat(throttle.lockedFor("alice", null)).contains(Duration.ofMinutes(10));
        assertThat(throttle.lockedFor("ALICE", null)).as("user names are case-insensitive").isPresent();
        advance(Duration.ofMinutes(9));
        assertThat(throttle.lockedFor("alice", null)).contains(Duration.ofMinutes(1));
        advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(throttle.lockedFor("alice", null)).isEmpty();
        // the count started again with the lock: one more failure does not lock
        assertThat(throttle.failed("alice", "192.0.2.1").userLocked()).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        throttle.failed("bob", "192.0.2.2");
        throttle.failed("bob", "192.0.2.2");
        advance(Duration.ofMinutes(16));
        assertThat(throttle.failed("bob", "192.0.2.2").userLocked()).isFalse();
        assertThat(throttle.failed("bob", "192.0.2.2").userLocked()).isFalse();
        assertThat(throttle.failed("bob", "192.0.2.2").userLocked()).isTrue();
    }

    @Test
    void theWindowRunsFromTheFirstFailureNotTheLast() {
        throttle.failed("carol", null);
        advance(Duration.ofMinutes(10));
        throttle.failed("carol", null);
        advance(Duration.ofMinutes(6)); // 16 min after the first failure: both forgotten
        assertThat(throttle.failed("carol", null).userLocked()).isFalse();
    }

    @Test
    void aSuccessResetsTheUserButNotTheAddress() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("u" + (i % 2 == 0 ? "dave" : "erin"), "192.0.2.9");
            if (i % 2 == 0) {
                throttle.succeeded("udave");
            }
        }
        assertThat(throttle.lockedFor("udave", null)).isEmpty();
        assertThat(throttle.failed("udave", "192.0.2.9").addressLocked()).isTrue();
        assertThat(throttle.lockedFor(null, "192.0.2.9")).isPresent();
        assertThat(throttle.lockedFor(null, "192.0.2.10")).isEmpty();
    }
}
