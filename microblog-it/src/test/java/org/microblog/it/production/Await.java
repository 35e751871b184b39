package org.microblog.it.production;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition of real processes: checked every 200 ms until it holds, or fails the test at a limit. */
final class Await {

    private static final long POLL_MILLIS = 200;

    private Await() {}

    static void until(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not after " + limit + ": " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
