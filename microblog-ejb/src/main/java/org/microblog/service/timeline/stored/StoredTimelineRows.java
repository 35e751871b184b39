package org.microblog.service.timeline.stored;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.microblog.domain.post.TimelineCursor;

/** The statements on a reader's {@code stored_timelines} row that more than one writer needs, in the caller's transaction. */
final class StoredTimelineRows {

    private StoredTimelineRows() {}

    /**
     * A stored timeline for the reader, to be built by a worker: its floor is a placeholder until then. Nothing if
     * they have one already.
     */
    static void startBuilding(EntityManager em, long readerId) {
        em.createNativeQuery("""
                        INSERT INTO stored_timelines (reader_id, ready, floor_time, floor_post_id, version)
                        SELECT u.id, FALSE, ?2, 0, 0 FROM users u
                        WHERE u.id = ?1 AND NOT EXISTS (SELECT 1 FROM stored_timelines s WHERE s.reader_id = u.id)
                        """)
                .setParameter(1, readerId)
                .setParameter(2, Timestamp.from(Instant.EPOCH))
                .executeUpdate();
    }

    /** The floor of the reader's stored timeline if it is ready. */
    static Optional<TimelineCursor> readyFloor(EntityManager em, long readerId) {
        return em
                .createNativeQuery(
                        "SELECT floor_time, floor_post_id FROM stored_timelines WHERE reader_id = ?1 AND ready = TRUE")
                .setParameter(1, readerId)
                .getResultList()
                .stream()
                .findFirst()
                .map(StoredTimelineRows::cursor);
    }

    /** Raises the reader's floor to {@code floor} if it is lower; the floor it has then. */
    static TimelineCursor raiseFloor(EntityManager em, long readerId, TimelineCursor floor) {
        Timestamp time = Timestamp.from(floor.timestamp());
        em.createNativeQuery("""
                        UPDATE stored_timelines SET floor_time = ?2, floor_post_id = ?3
                        WHERE reader_id = ?1 AND (floor_time < ?2 OR (floor_time = ?2 AND floor_post_id < ?3))
                        """)
                .setParameter(1, readerId)
                .setParameter(2, time)
                .setParameter(3, floor.postId())
                .executeUpdate();
        return readyFloor(em, readerId).orElse(floor);
    }

    /** A (time, post id) row of a native query as a cursor. */
    static TimelineCursor cursor(Object row) {
        return cursor((Object[]) row, 0);
    }

    /** The (time, post id) in the columns {@code from} and {@code from + 1} of a native query's row, as a cursor. */
    static TimelineCursor cursor(Object[] columns, int from) {
        return new TimelineCursor(((Timestamp) columns[from]).toInstant(), ((Number) columns[from + 1]).longValue());
    }
}
