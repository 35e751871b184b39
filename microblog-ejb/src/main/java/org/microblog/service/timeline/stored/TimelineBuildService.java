package org.microblog.service.timeline.stored;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;
import org.microblog.service.timeline.TimelineService;

/**
 * Makes and keeps stored timelines: starts them for the readers who follow as many as the threshold, builds each from
 * the pull, and trims them to their size. Nothing is built by hand: a follow that crosses the threshold, or the start
 * of an instance, starts the ones missing, and the workers build them ({@link StoredTimelineWorker}).
 */
@Stateless
public class TimelineBuildService {

    private static final String NOT_READY = "ready = FALSE";

    @PersistenceContext
    EntityManager em;

    @EJB
    TimelineService timelines;

    @Inject
    StoredTimelineSettings settings;

    /** For the container, which fills the fields above. */
    public TimelineBuildService() {}

    /** For tools outside the server (the generator): the collaborators the container would inject. */
    public TimelineBuildService(EntityManager em, TimelineService timelines, StoredTimelineSettings settings) {
        this.em = em;
        this.timelines = timelines;
        this.settings = settings;
    }

    /** Starts a stored timeline for {@code readerId} whatever they follow (a build follows); nothing if they have one. */
    public void start(long readerId) {
        StoredTimelineRows.startBuilding(em, readerId);
    }

    /** Starts a stored timeline for every reader who follows as many as the threshold and has none: how many. */
    public int startMissing() {
        return em.createNativeQuery("""
                        INSERT INTO stored_timelines (reader_id, ready, floor_time, floor_post_id, version)
                        SELECT u.id, FALSE, ?2, 0, 0 FROM users u
                        WHERE u.following_count >= ?1
                          AND NOT EXISTS (SELECT 1 FROM stored_timelines s WHERE s.reader_id = u.id)
                        """)
                .setParameter(1, settings.threshold())
                .setParameter(2, Timestamp.from(Instant.EPOCH))
                .executeUpdate();
    }

    /**
     * With stored timelines turned off: every one of them is to be built again when they are turned on, since nothing
     * wrote to them meanwhile. How many.
     */
    public int forgetAll() {
        return em.createNativeQuery(
                        "UPDATE stored_timelines SET ready = FALSE, claimed_by = NULL, claimed_until = NULL WHERE ready = TRUE")
                .executeUpdate();
    }

    /** Claims for {@code worker} a stored timeline to build that no live claim holds: its reader, or empty. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> claim(String worker) {
        return Claims.claimOne(em, "stored_timelines", "reader_id", NOT_READY, "reader_id", worker);
    }

    /** Claims for {@code worker} the stored timeline of {@code readerId} to build, unless it is ready or claimed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(long readerId, String worker) {
        return Claims.claim(em, "stored_timelines", "reader_id", readerId, NOT_READY, worker);
    }

    /**
     * Builds the claimed stored timeline from the pull, in one transaction: the newest {@code size} posts of the
     * reader's home timeline, the floor at the oldest of them. A follow by the reader meanwhile (the row's version
     * moved) may be missing from what was read: then nothing is kept, and the build is claimable again at once.
     *
     * @return whether it was built; false if the claim is no longer {@code worker}'s, or it must be built again
     */
    public boolean build(long readerId, String worker) {
        List<?> claimed = em.createNativeQuery(
                        "SELECT version FROM stored_timelines WHERE reader_id = ?1 AND ready = FALSE AND claimed_by = ?2")
                .setParameter(1, readerId)
                .setParameter(2, worker)
                .getResultList();
        if (claimed.isEmpty()) {
            return false;
        }
        long version = ((Number) claimed.getFirst()).longValue();
        em.createNativeQuery("DELETE FROM timeline_entries WHERE reader_id = ?1")
                .setParameter(1, readerId)
                .executeUpdate();
        long following = em.find(User.class, readerId).getFollowingCount();
        List<Long> ids = timelines.pulledIds(readerId, following, Optional.empty(), settings.size());
        TimelineCursor floor = ids.isEmpty() ? TimelineCursor.before(Instant.EPOCH) : insertEntries(readerId, ids);
        int ready = em.createNativeQuery("""
                        UPDATE stored_timelines
                        SET ready = TRUE, floor_time = ?3, floor_post_id = ?4, claimed_by = NULL, claimed_until = NULL
                        WHERE reader_id = ?1 AND version = ?2
                        """)
                .setParameter(1, readerId)
                .setParameter(2, version)
                .setParameter(3, Timestamp.from(floor.timestamp()))
                .setParameter(4, floor.postId())
                .executeUpdate();
        if (ready == 0) {
            throw new FollowedMeanwhile();
        }
        return true;
    }

    /** The posts with these ids, newest first, into the reader's stored timeline: the position of the oldest. */
    private TimelineCursor insertEntries(long readerId, List<Long> ids) {
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        // The ids are numbers from the pull, never text from a request.
        em.createNativeQuery("""
                        INSERT INTO timeline_entries (reader_id, created_at, post_id, author_id)
                        SELECT ?1, p.created_at, p.id, p.author_id FROM posts p
                        WHERE p.id IN (%s)
                          AND NOT EXISTS (SELECT 1 FROM timeline_entries e
                            WHERE e.reader_id = ?1 AND e.created_at = p.created_at AND e.post_id = p.id
                              AND e.author_id = p.author_id)
                        """.formatted(idList)).setParameter(1, readerId).executeUpdate();
        return StoredTimelineRows.cursor(em.createNativeQuery("SELECT created_at, id FROM posts WHERE id = ?1")
                .setParameter(1, ids.getLast())
                .getSingleResult());
    }

    /**
     * Trims the ready stored timelines of up to {@code count} readers after {@code afterReaderId}, in id order, to
     * their size: the floor rises to the oldest entry kept (first, so that its row lock orders this after a running
     * follow), then the older entries go.
     *
     * @return the last reader looked at, where the next call goes on; empty when the last reader has been reached
     */
    public Optional<Long> trim(long afterReaderId, int count) {
        @SuppressWarnings("unchecked")
        List<Number> readers = em.createNativeQuery(
                        "SELECT reader_id FROM stored_timelines WHERE ready = TRUE AND reader_id > ?1 ORDER BY reader_id")
                .setParameter(1, afterReaderId)
                .setMaxResults(count)
                .getResultList();
        for (Number reader : readers) {
            trim(reader.longValue());
        }
        return readers.size() < count
                ? Optional.empty()
                : Optional.of(readers.getLast().longValue());
    }

    private void trim(long readerId) {
        List<?> oldestKept = em.createNativeQuery("""
                        SELECT created_at, post_id FROM timeline_entries WHERE reader_id = ?1
                        ORDER BY created_at DESC, post_id DESC OFFSET %d ROWS FETCH NEXT 1 ROWS ONLY
                        """.formatted(settings.size() - 1))
                .setParameter(1, readerId)
                .getResultList();
        if (oldestKept.isEmpty()) {
            return;
        }
        TimelineCursor floor =
                StoredTimelineRows.raiseFloor(em, readerId, StoredTimelineRows.cursor(oldestKept.getFirst()));
        Timestamp time = Timestamp.from(floor.timestamp());
        em.createNativeQuery("""
                        DELETE FROM timeline_entries
                        WHERE reader_id = ?1 AND created_at <= ?2 AND (created_at < ?2 OR post_id < ?3)
                        """)
                .setParameter(1, readerId)
                .setParameter(2, time)
                .setParameter(3, floor.postId())
                .executeUpdate();
    }

    /** A follow by the reader came while their timeline was built from the pull: the build is rolled back. */
    @ApplicationException(rollback = true)
    public static class FollowedMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FollowedMeanwhile() {
            super("The reader followed someone while their timeline was built; it is built again");
        }
    }
}
