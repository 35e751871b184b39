package org.microblog.domain.post;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A position in a newest-first list of posts: the last post a reader has seen. The next page holds the
 * posts strictly older than it in (timestamp, id) order, so posts published meanwhile neither repeat nor
 * push older ones out of view.
 *
 * <p>As text (for URLs) a cursor is {@code <epoch millis>-<post id>}.
 */
public record TimelineCursor(Instant timestamp, long postId) {

    /** The times a database timestamp holds (years 1 to 9999): a cursor outside them is malformed. */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

    public TimelineCursor {
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public static TimelineCursor after(Post post) {
        return new TimelineCursor(post.getTimestamp(), post.getId());
    }

    /** The position before every post of {@code time}: the next page holds the posts older than it. */
    public static TimelineCursor before(Instant time) {
        return new TimelineCursor(time, Long.MIN_VALUE);
    }

    /** Reads a cursor from its text form; anything malformed is empty, never an exception. */
    public static Optional<TimelineCursor> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dash = token.indexOf('-', 1);
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(token, 0, dash, 10);
            long id = Long.parseLong(token, dash + 1, token.length(), 10);
            if (millis < FIRST.toEpochMilli() || millis > LAST.toEpochMilli()) {
                return Optional.empty();
            }
            return Optional.of(new TimelineCursor(Instant.ofEpochMilli(millis), id));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether this position is newer than {@code other} in (timestamp, id) order. */
    public boolean isAfter(TimelineCursor other) {
        int byTime = timestamp.compareTo(other.timestamp);
        return byTime > 0 || byTime == 0 && postId > other.postId;
    }

    public String token() {
        return timestamp.toEpochMilli() + "-" + postId;
    }
}
