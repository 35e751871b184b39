package org.microblog.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether this instance has been told to stop, and what it is still doing: the requests in progress and when the
 * last one came. {@link GracefulShutdown} starts the shutdown, {@link ShutdownReadiness} reports it to the
 * balancer, {@link RequestsInProgressFilter} counts the requests.
 */
@ApplicationScoped
public class Shutdown {

    private static final long POLL_MILLIS = 50;

    private volatile boolean underway;
    private final AtomicInteger inProgress = new AtomicInteger();
    private volatile long lastRequestNanos = System.nanoTime();

    /** From now on readiness is DOWN. */
    void begin() {
        lastRequestNanos = System.nanoTime();
        underway = true;
    }

    public boolean isUnderway() {
        return underway;
    }

    void requestStarted() {
        inProgress.incrementAndGet();
        lastRequestNanos = System.nanoTime();
    }

    void requestFinished() {
        inProgress.decrementAndGet();
    }

    int inProgress() {
        return inProgress.get();
    }

    /**
     * Waits until no request is in progress and none has come for {@code quiet} (counted from {@link #begin()} at
     * the earliest), or until {@code limit} has passed. Returns whether it became quiet.
     */
    boolean awaitQuiet(Duration quiet, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (inProgress.get() > 0 || System.nanoTime() - lastRequestNanos < quiet.toNanos()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }
}
