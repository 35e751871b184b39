package org.microblog.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final RateLimit threePerMinute = RateLimit.perSeconds(3, 60);
    private final Backoff backoff = new Backoff(2, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void attemptsWithinTheLimitPassAndTheNextWaitsUntilTheWindowEnds() {
        Throttle throttle = new Throttle("address:192.0.2.1", T0);

        assertTrue(throttle.countAttempt(threePerMinute, T0).isEmpty());
        assertTrue(throttle.countAttempt(threePerMinute, T0.plusSeconds(10)).isEmpty());
        assertTrue(throttle.countAttempt(threePerMinute, T0.plusSeconds(20)).isEmpty());

        assertEquals(Optional.of(Duration.ofSeconds(15)), throttle.countAttempt(threePerMinute, T0.plusSeconds(45)));
        assertEquals(Optional.of(Duration.ofSeconds(5)), throttle.countAttempt(threePerMinute, T0.plusSeconds(55)));
        assertEquals(5, throttle.getAttempts());
    }

    @Test
    void aNewWindowStartsWithTheFirstAttemptAfterTheLastEnded() {
        Throttle throttle = new Throttle("address:192.0.2.1", T0);
        for (int i = 0; i < 4; i++) {
            throttle.countAttempt(threePerMinute, T0);
        }

        assertTrue(throttle.countAttempt(threePerMinute, T0.plusSeconds(60)).isEmpty());
        assertEquals(1, throttle.getAttempts());
        throttle.countAttempt(threePerMinute, T0.plusSeconds(100));
        throttle.countAttempt(threePerMinute, T0.plusSeconds(110));
        assertEquals(Optional.of(Duration.ofSeconds(40)), throttle.countAttempt(threePerMinute, T0.plusSeconds(80)));
    }

    @Test
    void failuresBeyondTheFreeOnesMakeTheKeyWaitLongerEachTime() {
        Throttle throttle = new Throttle("account:john", T0);

        throttle.recordFailure(backoff, T0);
        throttle.recordFailure(backoff, T0);
        assertTrue(throttle.waitAt(T0).isEmpty());

        throttle.recordFailure(backoff, T0);
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitAt(T0));
        assertEquals(Optional.of(Duration.ofSeconds(10)), throttle.waitAt(T0.plusSeconds(20)));
        assertTrue(throttle.waitAt(T0.plusSeconds(30)).isEmpty());

        throttle.recordFailure(backoff, T0.plusSeconds(30));
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.waitAt(T0.plusSeconds(30)));
        assertEquals(4, throttle.getFailures());
    }

    @Test
    void aFailureStreakNotTouchedForADayIsForgotten() {
        Throttle throttle = new Throttle("account:john", T0);
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(backoff, T0);
        }

        Instant nextDay = T0.plus(Throttle.MEMORY);
        assertTrue(throttle.isForgottenAt(nextDay));
        throttle.recordFailure(backoff, nextDay);

        assertEquals(1, throttle.getFailures());
        assertTrue(throttle.waitAt(nextDay).isEmpty());
    }

    @Test
    void keysAreNeitherBlankNorLongerThanTheColumn() {
        assertThrows(IllegalArgumentException.class, () -> new Throttle(" ", T0));
        assertThrows(IllegalArgumentException.class, () -> new Throttle("k".repeat(Throttle.KEY_MAX + 1), T0));
    }

    @Test
    void rateLimitsAreBetweenOneAttemptAndADayLong() {
        assertThrows(IllegalArgumentException.class, () -> RateLimit.perSeconds(0, 60));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.perSeconds(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, RateLimit.MAX_WINDOW.plusSeconds(1)));
    }
}
