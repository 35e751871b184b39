package org.microblog.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.microblog.domain.post.Post;
import org.microblog.service.post.PostService;
import org.microblog.service.timeline.stored.FanOutService;

/**
 * The stored timelines' fan-out as a test drives it: a post published with its fan-out claimed by the test, so that
 * no worker takes it, then moved a chunk at a time, or a chunk rolled back as if its worker were killed mid-way, and
 * the claim left to run out. Each method is a transaction of its own.
 */
@Stateless
public class StoredTimelineProbe {

    /** The worker name of the test's own claims. */
    static final String TEST_WORKER = "stored-timeline-test";

    @PersistenceContext
    EntityManager em;

    @EJB
    PostService posts;

    @EJB
    FanOutService fanOuts;

    @Resource
    SessionContext context;

    /** Publishes as the application does, with the fan-out claimed by the test for an hour, in one transaction. */
    public Post publishHeld(long authorId, String body, Instant at) {
        Post post = posts.publish(authorId, body, at);
        em.createNativeQuery("UPDATE fan_outs SET claimed_by = ?2, claimed_until = ?3 WHERE post_id = ?1")
                .setParameter(1, post.getId())
                .setParameter(2, TEST_WORKER)
                .setParameter(3, Timestamp.from(Instant.now().plusSeconds(3600)))
                .executeUpdate();
        return post;
    }

    /** One chunk of a held fan-out, committed: whether it is done. */
    public boolean chunk(long postId) {
        return fanOuts.nextChunk(postId, TEST_WORKER);
    }

    /** One chunk of a held fan-out, rolled back: its worker died before the commit. */
    public void chunkThenDie(long postId) {
        fanOuts.nextChunk(postId, TEST_WORKER);
        context.setRollbackOnly();
    }

    /** The test's claim on the fan-out runs out: any worker may take it now. */
    public void release(long postId) {
        em.createNativeQuery("UPDATE fan_outs SET claimed_until = ?2 WHERE post_id = ?1 AND claimed_by = ?3")
                .setParameter(1, postId)
                .setParameter(2, Timestamp.from(Instant.now().minusSeconds(1)))
                .setParameter(3, TEST_WORKER)
                .executeUpdate();
    }

    /** Which of these posts still wait for their fan-out, or are in it. */
    public Set<Long> pendingAmong(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> pending = em.createNativeQuery("SELECT post_id FROM fan_outs WHERE post_id IN ("
                        + postIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")
                .getResultList();
        return pending.stream().map(Number::longValue).collect(Collectors.toSet());
    }

    /** Whether the reader's stored timeline is ready. */
    public boolean isReady(long readerId) {
        return !em.createNativeQuery("SELECT 1 FROM stored_timelines WHERE reader_id = ?1 AND ready = TRUE")
                .setParameter(1, readerId)
                .getResultList()
                .isEmpty();
    }

    /** Whether the reader has a stored timeline, ready or being built. */
    public boolean hasStoredTimeline(long readerId) {
        return !em.createNativeQuery("SELECT 1 FROM stored_timelines WHERE reader_id = ?1")
                .setParameter(1, readerId)
                .getResultList()
                .isEmpty();
    }
}
