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
 * <p>The entries are joined with the live rows, so that what the rules of the home timeline take away is gone at
 * once, whatever the entries hold: the reader's link to the author (an unfollow, a block, a removed follower), its
 * mute flag, and the post itself (deleted). Derby is told the plan (the reader's range of the index newest first, then
 * one primary-key read of the link and of the post per entry, stopping when the page is full); PostgreSQL finds it
 * by itself and reads the overrides as comments. The page's size is in the statement, not a JDBC row limit: PostgreSQL
 * then plans for the page, and stops at it, instead of reading every entry of the reader. And a first page is read
 * below the end of time, as a later page below its cursor: PostgreSQL prepares the statement after five runs with a
 * generic plan, made without the values, and for the statement without an upper bound that plan hashed all the
 * reader's links and sorted all their entries (2.2 ms), while with the bound it reads the page's entries in order
 * (0.6 ms). Writing the values in instead cost a plan per page, about 1 ms (docs/benchmarks.md, "Stored home
 * timelines").
 */
@Dependent
public class StoredTimelineReader {

    /** A position after every post a database timestamp can hold: the cursor of a first page. */
    private static final TimelineCursor END_OF_TIME =
            new TimelineCursor(Instant.parse("9999-12-31T23:59:59.999Z"), Long.MAX_VALUE);

    private static final String POST_IDS = """
            SELECT e.post_id FROM --DERBY-PROPERTIES joinOrder=FIXED
              timeline_entries e --DERBY-PROPERTIES index=UX_TIMELINE_ENTRIES
              , followers f --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, constraint=PK_FOLLOWERS
              , posts p --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, constraint=PK_POSTS
            WHERE e.reader_id = ?1
              AND e.created_at >= ?2 AND (e.created_at > ?2 OR e.post_id >= ?3)
              AND e.created_at <= ?4 AND (e.created_at < ?4 OR (e.created_at = ?4 AND e.post_id < ?5))
              AND f.follower_id = e.reader_id AND f.followed_id = e.author_id AND f.muted = FALSE
              AND p.id = e.post_id
            ORDER BY e.created_at DESC, e.post_id DESC
            FETCH FIRST ?6 ROWS ONLY
            """;

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
     * oldest position its entries answer for. Empty: read the pull.
     */
    public Optional<TimelineCursor> floor(long readerId) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return StoredTimelineRows.readyFloor(em, readerId);
    }

    /**
     * Up to {@code count} ids of the reader's stored entries at {@code floor} or newer and older than {@code after},
     * newest first, without those the live rows take away.
     */
    public List<Long> postIds(long readerId, TimelineCursor floor, Optional<TimelineCursor> after, int count) {
        TimelineCursor before = after.orElse(END_OF_TIME);
        List<?> ids = em.createNativeQuery(POST_IDS)
                .setParameter(1, readerId)
                .setParameter(2, Timestamp.from(floor.timestamp()))
                .setParameter(3, floor.postId())
                .setParameter(4, Timestamp.from(before.timestamp()))
                .setParameter(5, before.postId())
                .setParameter(6, count)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }
}
