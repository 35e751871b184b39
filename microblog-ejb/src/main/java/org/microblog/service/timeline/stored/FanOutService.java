package org.microblog.service.timeline.stored;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The fan-out on write: moves a published post from the outbox ({@code fan_outs}) into the stored timelines of its
 * author's followers, a chunk of followers per transaction, so that no transaction is long and readers are never
 * locked out. Publishing does not wait for it.
 *
 * <p>A worker {@link #claim claims} a post ({@link Claims}) and renews the claim with every chunk; the chunk's
 * transaction also moves the outbox row's cursor (the last follower id done), so that a worker killed mid-chunk loses
 * that chunk's work only, and the next worker to claim the post once the claim has run out goes on from the cursor.
 * The rows are written only where missing: whatever ran twice, or raced with a build or a follow, adds a post to a
 * timeline once. Derby is told the plan (the outbox row, the author's followers in the chunk, each one's stored
 * timeline by its key): on its own it may scan a small table and wait for rows another transaction is writing.
 */
@Stateless
public class FanOutService {

    @PersistenceContext
    EntityManager em;

    @Inject
    StoredTimelineSettings settings;

    /** For the container, which fills the fields above. */
    public FanOutService() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public FanOutService(EntityManager em, StoredTimelineSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /** Claims for {@code worker} the oldest queued post that no live claim holds: its id, or empty if there is none. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> claim(String worker) {
        return Claims.claimOne(em, "fan_outs", "post_id", "TRUE", "queued_at", worker);
    }

    /**
     * Fans the claimed post out to its author's next chunk of followers, in the caller's transaction (or one of its
     * own).
     *
     * @return true when nothing is left for {@code worker} to do: the post has reached every follower (its outbox row
     *     is gone), or the claim is no longer the worker's
     */
    public boolean nextChunk(long postId, String worker) {
        List<?> job = em.createNativeQuery(
                        "SELECT author_id, next_follower_id FROM fan_outs WHERE post_id = ?1 AND claimed_by = ?2")
                .setParameter(1, postId)
                .setParameter(2, worker)
                .getResultList();
        if (job.isEmpty()) {
            return true;
        }
        Object[] row = (Object[]) job.getFirst();
        long authorId = ((Number) row[0]).longValue();
        long after = ((Number) row[1]).longValue();
        Optional<Long> last = lastFollowerOfChunk(authorId, after);
        em.createNativeQuery("""
                        INSERT INTO timeline_entries (reader_id, created_at, post_id, author_id)
                        SELECT s.reader_id, o.created_at, o.post_id, o.author_id FROM --DERBY-PROPERTIES joinOrder=FIXED
                          fan_outs o --DERBY-PROPERTIES constraint=PK_FAN_OUTS
                          , followers f --DERBY-PROPERTIES index=IX_FOLLOWERS_FOLLOWED
                          , stored_timelines s --DERBY-PROPERTIES constraint=PK_STORED_TIMELINES
                        WHERE o.post_id = ?1 AND f.followed_id = o.author_id AND f.follower_id > ?2 AND f.follower_id <= ?3
                          AND s.reader_id = f.follower_id
                          AND NOT EXISTS (SELECT 1 FROM timeline_entries e --DERBY-PROPERTIES index=UX_TIMELINE_ENTRIES
                            WHERE e.reader_id = s.reader_id AND e.created_at = o.created_at AND e.post_id = o.post_id
                              AND e.author_id = o.author_id)
                        """)
                .setParameter(1, postId)
                .setParameter(2, after)
                .setParameter(3, last.orElse(Long.MAX_VALUE))
                .executeUpdate();
        if (last.isEmpty()) {
            em.createNativeQuery("DELETE FROM fan_outs WHERE post_id = ?1")
                    .setParameter(1, postId)
                    .executeUpdate();
            return true;
        }
        em.createNativeQuery(
                        "UPDATE fan_outs SET next_follower_id = ?3, claimed_until = ?4 WHERE post_id = ?1 AND claimed_by = ?2")
                .setParameter(1, postId)
                .setParameter(2, worker)
                .setParameter(3, last.get())
                .setParameter(4, Claims.renewedUntil())
                .executeUpdate();
        return false;
    }

    /**
     * The last follower id of the chunk after {@code after}: the chunk-th next follower who has a stored timeline.
     * Empty if fewer are left. Counting only those (a tenth of the most-followed author's followers at a million
     * users) takes that author's fan-out in a tenth of the transactions, and on Derby each commit costs more than
     * the chunk's rows. The followers are read in the index's order and stopped at the chunk: nothing is sorted.
     */
    private Optional<Long> lastFollowerOfChunk(long authorId, long after) {
        @SuppressWarnings("unchecked")
        List<Number> last = em.createNativeQuery("""
                        SELECT f.follower_id FROM --DERBY-PROPERTIES joinOrder=FIXED
                          followers f --DERBY-PROPERTIES index=IX_FOLLOWERS_FOLLOWED
                          , stored_timelines s --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, constraint=PK_STORED_TIMELINES
                        WHERE f.followed_id = ?1 AND f.follower_id > ?2 AND s.reader_id = f.follower_id
                        ORDER BY f.follower_id OFFSET %d ROWS FETCH NEXT 1 ROWS ONLY
                        """.formatted(settings.chunk() - 1))
                .setParameter(1, authorId)
                .setParameter(2, after)
                .getResultList();
        return last.stream().findFirst().map(Number::longValue);
    }

    /** How many posts wait for their fan-out or are in it. */
    public long pending() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM fan_outs").getSingleResult()).longValue();
    }
}
