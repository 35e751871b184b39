package org.microblog.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void theFreeFailuresCostNothing() {
        for (int failures = 0; failures <= 5; failures++) {
            assertTrue(backoff.waitAfter(failures).isEmpty(), "after " + failures);
        }
    }

    @Test
    void eachFailureAfterTheFreeOnesDoublesTheWaitUpToTheCap() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), backoff.waitAfter(6));
        assertEquals(Optional.of(Duration.ofMinutes(1)), backoff.waitAfter(7));
        assertEquals(Optional.of(Duration.ofMinutes(2)), backoff.waitAfter(8));
        assertEquals(Optional.of(Duration.ofMinutes(8)), backoff.waitAfter(10));
        assertEquals(Optional.of(Duration.ofMinutes(15)), backoff.waitAfter(11));
        assertEquals(Optional.of(Duration.ofMinutes(15)), backoff.waitAfter(Integer.MAX_VALUE));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> new Backoff(-1, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(5, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class, () -> new Backoff(5, Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
