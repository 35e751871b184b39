package org.microblog.service.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.microblog.domain.post.TimelineCursor;

/**
 * The slice of time one home timeline query reads: the posts after {@link #after} (older than the cursor;
 * all posts when empty) and not older than {@link #notBefore} (no bound when empty).
 *
 * <p>Why windows: without a lower bound a database fetches every post of everyone followed to show the
 * newest twenty. A query whose answer comes back full is exactly the answer without the bound (every post left
 * out is older than every post in it); one that comes back short is followed by a query of the {@link
 * #older(int, int, SiteActivity) next, older window}, until the page is full or a window has no bound.
 *
 * <p>The first window starts at the reader's cursor, or, for a first page, at the site's newest post rather
 * than now: a site that has been quiet for hours finds the same posts in it as a busy one. Its length is how
 * long, at the site's posting rate, the followed users (and the reader) take to write the page twice over.
 * The one widening rule: the next window is sized from the rate the last one saw, to hold twice the posts
 * still missing, between {@value #MIN_GROWTH} and {@value #MAX_GROWTH} times as long as the last; a window that
 * would reach back before the site's first post has no bound instead.
 *
 * @param after the exclusive upper bound, in (timestamp, id) order; empty: no upper bound
 * @param notBefore the inclusive lower bound on the timestamp; empty: none
 * @param length how long the window is (for a window without lower bound: the length it would have had)
 */
public record TimelineWindow(Optional<TimelineCursor> after, Optional<Instant> notBefore, Duration length) {

    /** A first window expects to find this many times the posts a page needs. */
    static final int SAFETY = 2;

    static final int MIN_GROWTH = 2;
    static final int MAX_GROWTH = 16;
    static final Duration MIN_LENGTH = Duration.ofMinutes(1);

    /**
     * The first window of a page of {@code wanted} posts by {@code authors} users (the reader included).
     *
     * @param after the reader's cursor; empty for a first page
     * @param now the time, for a site without posts
     */
    public static TimelineWindow first(
            SiteActivity site, long authors, int wanted, Optional<TimelineCursor> after, Instant now) {
        Instant newest = site.newestPost().orElse(now);
        Instant anchor = after.map(TimelineCursor::timestamp)
                .filter(cursor -> cursor.isBefore(newest))
                .orElse(newest);
        double seconds = SAFETY * wanted / (Math.max(authors, 1) * site.postsPerUserSecond());
        Duration length = Duration.ofSeconds((long) Math.clamp(seconds, MIN_LENGTH.toSeconds(), Long.MAX_VALUE / 4.0));
        return new TimelineWindow(after, lowerBound(anchor, length, site), length);
    }

    /**
     * The window just older than this one, after this one gave {@code found} posts and {@code missing} are
     * still wanted.
     *
     * @throws IllegalStateException for a window without lower bound: nothing is older
     */
    public TimelineWindow older(int found, int missing, SiteActivity site) {
        Instant end = notBefore.orElseThrow(() -> new IllegalStateException("No window is older than " + this));
        double growth = Math.clamp(SAFETY * missing / Math.max(found, 0.5), MIN_GROWTH, MAX_GROWTH);
        Duration next = Duration.ofSeconds((long) Math.min(length.toSeconds() * growth, Long.MAX_VALUE / 4.0));
        return new TimelineWindow(Optional.of(TimelineCursor.before(end)), lowerBound(end, next, site), next);
    }

    /** Whether this window has a lower bound (a window without one is the last). */
    public boolean isBounded() {
        return notBefore.isPresent();
    }

    /** The lower bound of a window of {@code length} up to {@code end}: none where it would reach before the first post. */
    private static Optional<Instant> lowerBound(Instant end, Duration length, SiteActivity site) {
        Optional<Instant> oldest = site.oldestPost();
        if (oldest.isEmpty() || Duration.between(oldest.get(), end).compareTo(length) <= 0) {
            return Optional.empty();
        }
        return Optional.of(end.minus(length));
    }
}
