package org.microblog.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * At most {@code limit} attempts per fixed window of {@code window}, the window starting with the first
 * attempt after the previous one ended. Windows are at most {@link #MAX_WINDOW}, so that state untouched for
 * that long can always be forgotten (see {@link Throttle#MEMORY}).
 */
public record RateLimit(int limit, Duration window) {

    public static final Duration MAX_WINDOW = Duration.ofDays(1);

    public RateLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("A rate limit allows at least one attempt, not " + limit);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("A rate limit window is positive and at most a day, not " + window);
        }
    }

    /** {@code limit} attempts per {@code seconds} seconds. */
    public static RateLimit perSeconds(int limit, long seconds) {
        return new RateLimit(limit, Duration.ofSeconds(seconds));
    }

    /** Whether a window that began at {@code windowStart} is over at {@code now}. */
    public boolean windowOverAt(Instant windowStart, Instant now) {
        return !now.isBefore(windowStart.plus(window));
    }

    /**
     * Empty when {@code attempts} (this one included) in the window that began at {@code windowStart} are
     * within the limit; otherwise how long from {@code now} until that window ends.
     */
    public Optional<Duration> refusal(int attempts, Instant windowStart, Instant now) {
        if (attempts <= limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, windowStart.plus(window));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }
}
