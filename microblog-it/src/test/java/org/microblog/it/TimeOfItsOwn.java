package org.microblog.it;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stretches of time that belong to one test each, for a test that reads a list across the whole site (explore) or
 * wants no one else's posts among its own. Every call hands out the next stretch of {@link #LENGTH}, between 1971
 * and 2000: the suite's other posts are made around the present, and the database is new for every run of the
 * suite (in memory, or a PostgreSQL database made afresh by ./microblog test-postgresql). The in-container tests
 * all run in the one server, so the counter is shared by every class.
 */
public final class TimeOfItsOwn {

    /** How much time each stretch holds before its newest moment; one more day after it is left empty. */
    public static final Duration LENGTH = Duration.ofDays(60);

    private static final Instant FIRST = Instant.parse("1971-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Duration STRIDE = LENGTH.plusDays(2);
    private static final AtomicLong TAKEN = new AtomicLong();

    private TimeOfItsOwn() {}

    /** The newest moment of a stretch of time that no other test's posts fall into, {@link #LENGTH} back from it. */
    public static Instant newest() {
        Instant newest =
                FIRST.plus(STRIDE.multipliedBy(TAKEN.incrementAndGet())).minus(Duration.ofDays(1));
        if (newest.isAfter(LAST)) {
            throw new IllegalStateException("More stretches of time taken than 1971-2000 holds: make them shorter");
        }
        return newest;
    }
}
