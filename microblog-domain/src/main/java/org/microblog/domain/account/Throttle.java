package org.microblog.domain.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a throttle knows about one key (a client address for one kind of attempt, or an account): the
 * attempts counted in the current fixed window, the failures in a row and how long the key must wait. It is
 * a database row, not memory, so that every instance of a cluster counts together.
 *
 * <p>A row nobody touched for {@link #MEMORY} is forgotten: a failure streak that old starts again from
 * nothing, and such rows may be deleted at any time.
 */
@Entity
@Table(name = "throttles")
@Cacheable(false)
public class Throttle {

    public static final int KEY_MAX = 160;
    /** How long a throttle remembers a key after its last change; at least every {@link RateLimit} window. */
    public static final Duration MEMORY = RateLimit.MAX_WINDOW;

    @Id
    @Column(name = "throttle_key", length = KEY_MAX)
    private String key;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Throttle() {
        // for JPA
    }

    /** A key seen for the first time at {@code now}: nothing counted yet. */
    public Throttle(String key, Instant now) {
        if (key == null || key.isBlank() || key.length() > KEY_MAX) {
            throw new IllegalArgumentException("A throttle key has 1 to " + KEY_MAX + " characters: " + key);
        }
        this.key = key;
        this.windowStart = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    /**
     * Counts one attempt at {@code now} against {@code limit}, starting a new window when the current one is
     * over. Every attempt counts, refused ones too.
     *
     * @return empty when the attempt is within the limit, else how long until the window ends
     */
    public Optional<Duration> countAttempt(RateLimit limit, Instant now) {
        Objects.requireNonNull(now, "now");
        if (limit.windowOverAt(windowStart, now)) {
            windowStart = now;
            attempts = 0;
        }
        if (attempts < Integer.MAX_VALUE) {
            attempts++;
        }
        updatedAt = now;
        return limit.refusal(attempts, windowStart, now);
    }

    /** How long from {@code now} the key must still wait after its failures; empty if it need not. */
    public Optional<Duration> waitAt(Instant now) {
        if (blockedUntil == null || !now.isBefore(blockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, blockedUntil));
    }

    /** Records one more failure in a row at {@code now}; {@code backoff} says how long the key waits after it. */
    public void recordFailure(Backoff backoff, Instant now) {
        Objects.requireNonNull(now, "now");
        if (isForgottenAt(now)) {
            failures = 0;
        }
        if (failures < Integer.MAX_VALUE) {
            failures++;
        }
        blockedUntil = backoff.waitAfter(failures).map(now::plus).orElse(null);
        updatedAt = now;
    }

    /** Whether this row is older than the throttle's {@link #MEMORY} at {@code now}. */
    public boolean isForgottenAt(Instant now) {
        return !now.isBefore(updatedAt.plus(MEMORY));
    }

    public String getKey() {
        return key;
    }

    /** Attempts counted in the current window. */
    public int getAttempts() {
        return attempts;
    }

    /** Failures in a row, as last recorded. */
    public int getFailures() {
        return failures;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Throttle other && key != null && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }

    @Override
    public String toString() {
        return "Throttle[" + key + ", " + attempts + " attempts since " + windowStart + ", " + failures + " failures]";
    }
}
