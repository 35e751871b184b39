package org.microblog.service.timeline.stored;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.microblog.domain.post.TimelineCursor;

/**
 * Reads a home timeline from its stored entries, in the caller's transaction.
 *
 * <p>The entries are joined with the live rows, so that what the rules of the home timeline take away is gone at once,
 * whatever the entries hold: the reader's link to the author (an unfollow, a block, a removed follower), its mute flag,
 * and the post itself (deleted). The page is one statement, which reads the reader's floor with the entries: the
 * reader's ready stored timeline by its key (nothing more for a reader without one), then the range of their entries
 * between the floor and the page's cursor, newest first, with one primary-key read of the link and of the post per
 * entry, stopping when the page is full. Derby is told that plan; PostgreSQL finds it by itself and reads the overrides
 * as comments, given the floor's time once more as a subquery: it reads that first, as it would a parameter, and bounds
 * the range of entries with it; with the join alone it read all the reader's entries above the floor and sorted them
 * (0.75 ms against 0.15). The page's size is in the statement, not a JDBC row limit: PostgreSQL then plans for the
 * page, and stops at it, instead of reading every entry of the reader. And a first page is read below the end of time,
 * as a later page below its cursor: PostgreSQL prepares the statement after five runs with a generic plan, made without
 * the values, and for the statement without an upper bound that plan hashed all the reader's links and sorted all their
 * entries (2.2 ms), while with the bound it reads the page's entries in order (0.6 ms). Writing the values in instead
 * cost a plan per page, about 1 ms (docs/benchmarks.md, "Stored home timelines").
 */
@Dependent
public class StoredTimelineReader {

    /** A position after every post a database timestamp can hold: the cursor of a first page. */
    private static final TimelineCursor END_OF_TIME =
            new TimelineCursor(Instant.parse("9999-12-31T23:59:59.999Z"), Long.MAX_VALUE);

    private static final String PAGE = """
            SELECT e.post_id, s.floor_time, s.floor_post_id FROM --DERBY-PROPERTIES joinOrder=FIXED
              stored_timelines s --DERBY-PROPERTIES constraint=PK_STORED_TIMELINES
              , timeline_entries e --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, index=UX_TIMELINE_ENTRIES
              , followers f --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, constraint=PK_FOLLOWERS
              , posts p --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, constraint=PK_POSTS
            WHERE s.reader_id = ?1 AND s.ready = TRUE AND e.reader_id = s.reader_id
              AND e.created_at >= (SELECT floor_time FROM stored_timelines WHERE reader_id = ?1 AND ready = TRUE)
              AND (e.created_at > s.floor_time OR e.post_id >= s.floor_post_id)
              AND e.created_at <= ?2 AND (e.created_at < ?2 OR (e.created_at = ?2 AND e.post_id < ?3))
              AND f.follower_id = e.reader_id AND f.followed_id = e.author_id AND f.muted = FALSE
              AND p.id = e.post_id
            ORDER BY e.created_at DESC, e.post_id DESC
            FETCH FIRST ?4 ROWS ONLY
            """;

    /**
     * What the stored timeline gives a page: up to its size of post ids, newest first, and the position strictly
     * below which the pull goes on when they are fewer. That is the floor when the stored timeline gave any: it holds
     * everything above. Otherwise (no stored timeline ready, or none of its entries older than the cursor) it is the
     * page's own cursor, and the pull gives the whole page.
     */
    public record Entries(List<Long> postIds, Optional<TimelineCursor> pullBelow) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    StoredTimelineSettings settings;

    /** For the container, which fills the fields above. */
    protected StoredTimelineReader() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public StoredTimelineReader(EntityManager em, StoredTimelineSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /**
     * The floor of the reader's stored timeline, if they have one that is ready and stored timelines are on: the
     * oldest position its entries answer for. Pages need not ask ({@link #entries} reads it with them); the
     * benchmark does, to know which readers read stored entries.
     */
    public Optional<TimelineCursor> floor(long readerId) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return StoredTimelineRows.readyFloor(em, readerId);
    }

    /**
     * Up to {@code count} ids of the reader's stored entries at the floor or newer and older than {@code after}, newest
     * first, without those the live rows take away; and where the pull goes on below them.
     */
    public Entries entries(long readerId, Optional<TimelineCursor> after, int count) {
        if (!settings.enabled()) {
            return new Entries(List.of(), after);
        }
        TimelineCursor before = after.orElse(END_OF_TIME);
        List<?> rows = em.createNativeQuery(PAGE)
                .setParameter(1, readerId)
                .setParameter(2, Timestamp.from(before.timestamp()))
                .setParameter(3, before.postId())
                .setParameter(4, count)
                .getResultList();
        if (rows.isEmpty()) {
            return new Entries(List.of(), after);
        }
        List<Long> ids = rows.stream()
                .map(row -> ((Number) ((Object[]) row)[0]).longValue())
                .toList();
        return new Entries(ids, Optional.of(StoredTimelineRows.cursor((Object[]) rows.getFirst(), 1)));
    }
}
