package org.microblog.web.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    private final Shutdown shutdown = new Shutdown();

    @Test
    void servingUntilTheShutdownBegins() {
        assertFalse(shutdown.isUnderway());
        shutdown.begin();
        assertTrue(shutdown.isUnderway());
    }

    @Test
    void quietCountsFromTheSignalAtTheEarliest() throws InterruptedException {
        Duration quiet = Duration.ofMillis(150);
        shutdown.begin();
        long start = System.nanoTime();

        assertTrue(shutdown.awaitQuiet(quiet, Duration.ofSeconds(30)));
        assertTrue(System.nanoTime() - start >= quiet.toNanos());
    }

    @Test
    void aRequestInProgressHoldsTheStopUntilItFinishesOrTheLimit() throws InterruptedException {
        shutdown.requestStarted();
        shutdown.begin();

        assertFalse(shutdown.awaitQuiet(Duration.ZERO, Duration.ofMillis(200)), "still in progress at the limit");
        shutdown.requestFinished();
        assertTrue(shutdown.awaitQuiet(Duration.ZERO, Duration.ofMillis(200)));
    }
}
