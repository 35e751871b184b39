package org.microblog.service.timeline.stored;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;
import org.microblog.service.follow.NewFollow;
import org.microblog.service.post.PostPublished;

/**
 * What publishing and following write to the stored timelines at once, in their own transaction, so that the rules
 * that must hold at once do (docs/design.md, "Stored home timelines"): the author's own post is in their own stored
 * timeline, the post is queued for the fan-out to everyone else, and a new follow brings the followed person's posts
 * within the stored range. What takes posts away (unfollow, mute, block, deletion) needs no write: reading joins the
 * live rows.
 */
@Dependent
public class StoredTimelineWriter {

    @PersistenceContext
    EntityManager em;

    @Inject
    StoredTimelineSettings settings;

    /** For the container, which fills the fields above. */
    protected StoredTimelineWriter() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public StoredTimelineWriter(EntityManager em, StoredTimelineSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /**
     * In the publishing transaction: the post into the author's own stored timeline (if they have one), and into the
     * outbox, from which the workers fan it out. Neither statement reads the posts table: on Derby, a read of it here
     * could wait for another author's uncommitted post while that one waits for this one.
     */
    public void published(@Observes PostPublished post) {
        if (!settings.enabled()) {
            return;
        }
        Timestamp at = Timestamp.from(post.at());
        em.createNativeQuery("""
                        INSERT INTO timeline_entries (reader_id, created_at, post_id, author_id)
                        SELECT s.reader_id, ?2, ?3, ?1 FROM stored_timelines s WHERE s.reader_id = ?1
                        """)
                .setParameter(1, post.authorId())
                .setParameter(2, at)
                .setParameter(3, post.postId())
                .executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO fan_outs (post_id, author_id, created_at, queued_at, next_follower_id)
                        VALUES (?1, ?2, ?3, ?4, 0)
                        """)
                .setParameter(1, post.postId())
                .setParameter(2, post.authorId())
                .setParameter(3, at)
                .setParameter(4, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /**
     * In the follow's transaction, with both users' rows locked: if the follower has a stored timeline, the followed
     * person's posts within its range go into it (at most its size: the floor rises above older ones), or, while it
     * is being built, the build learns that it must read again; a follower who now follows as many as the threshold
     * gets a stored timeline, built in the background.
     */
    public void followed(@Observes NewFollow follow) {
        if (!settings.enabled()) {
            return;
        }
        long readerId = follow.followerId();
        // Takes the stored timeline's row lock (builds and trimming take it too) and tells a running build.
        int stored = em.createNativeQuery("UPDATE stored_timelines SET version = version + 1 WHERE reader_id = ?1")
                .setParameter(1, readerId)
                .executeUpdate();
        if (stored == 0) {
            if (em.find(User.class, readerId).getFollowingCount() >= settings.threshold()) {
                StoredTimelineRows.startBuilding(em, readerId);
            }
            return;
        }
        StoredTimelineRows.readyFloor(em, readerId).ifPresent(floor -> addPosts(readerId, follow.followedId(), floor));
    }

    /** The author's posts at {@code floor} or newer, at most the stored size of them, into the reader's timeline. */
    private void addPosts(long readerId, long authorId, TimelineCursor floor) {
        TimelineCursor from = floorFor(readerId, authorId, floor);
        em.createNativeQuery("""
                        INSERT INTO timeline_entries (reader_id, created_at, post_id, author_id)
                        SELECT ?1, p.created_at, p.id, p.author_id FROM posts p
                        WHERE p.author_id = ?2 AND p.created_at >= ?3 AND (p.created_at > ?3 OR p.id >= ?4)
                          AND NOT EXISTS (SELECT 1 FROM timeline_entries e
                            WHERE e.reader_id = ?1 AND e.created_at = p.created_at AND e.post_id = p.id
                              AND e.author_id = p.author_id)
                        """)
                .setParameter(1, readerId)
                .setParameter(2, authorId)
                .setParameter(3, Timestamp.from(from.timestamp()))
                .setParameter(4, from.postId())
                .executeUpdate();
    }

    /**
     * The floor once the author's posts are in: raised to the oldest of their newest stored-size posts if they have
     * more than that at or above it. The author's row is locked and in this transaction's persistence context, so
     * their post count costs no statement, and spares the look for nearly every author.
     */
    private TimelineCursor floorFor(long readerId, long authorId, TimelineCursor floor) {
        if (em.find(User.class, authorId).getPostsCount() <= settings.size()) {
            return floor;
        }
        List<?> oldestKept = em.createNativeQuery("""
                        SELECT p.created_at, p.id FROM posts p
                        WHERE p.author_id = ?1 AND p.created_at >= ?2 AND (p.created_at > ?2 OR p.id >= ?3)
                        ORDER BY p.created_at DESC, p.id DESC
                        OFFSET %d ROWS FETCH NEXT 1 ROWS ONLY
                        """.formatted(settings.size() - 1))
                .setParameter(1, authorId)
                .setParameter(2, Timestamp.from(floor.timestamp()))
                .setParameter(3, floor.postId())
                .getResultList();
        return oldestKept.stream()
                .findFirst()
                .map(StoredTimelineRows::cursor)
                .map(cursor -> StoredTimelineRows.raiseFloor(em, readerId, cursor))
                .orElse(floor);
    }
}
