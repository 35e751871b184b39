package org.microblog.domain.account;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long an account waits after failed sign-ins in a row: the first {@code freeFailures} cost nothing,
 * each further one makes the account wait {@code firstWait}, doubled for every failure after it, never more
 * than {@code maxWait}. With 5, 30 s and 15 min: the 6th failure in a row means 30 s, the 7th 1 min, the 8th
 * 2 min, ..., the 11th and every later one 15 min.
 */
public record Backoff(int freeFailures, Duration firstWait, Duration maxWait) {

    public Backoff {
        if (freeFailures < 0) {
            throw new IllegalArgumentException("Free failures cannot be negative: " + freeFailures);
        }
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(maxWait, "maxWait");
        if (firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException(
                    "Waits must be positive, the first no longer than the longest: " + firstWait + ", " + maxWait);
        }
    }

    /** The wait after {@code failuresInARow} failures, or empty while they are free. */
    public Optional<Duration> waitAfter(int failuresInARow) {
        int beyondFree = failuresInARow - freeFailures;
        if (beyondFree <= 0) {
            return Optional.empty();
        }
        int doublings = Math.min(beyondFree - 1, 30); // 2^30 times any wait is far beyond every sensible maximum
        Duration wait = firstWait.multipliedBy(1L << doublings);
        return Optional.of(wait.compareTo(maxWait) > 0 ? maxWait : wait);
    }
}
