package org.microblog.service.timeline;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.Post_;
import org.microblog.domain.user.Follow;

/**
 * The home timeline's join in portable JPA, planned by the database: the plan for PostgreSQL, and for Derby
 * when the reader follows too few users for {@link DerbyHashJoin} to pay.
 *
 * <p>It selects the post ids only and names no user: with the users table in the join, Derby looks up every
 * followed user before their posts, which doubles the cost (measured).
 *
 * <p>The order is stated on {@code COALESCE(created_at, created_at)}: the same values (the column is NOT
 * NULL), but no index delivers them in that order. This keeps the plan that reads the followed users' ranges
 * (or, on PostgreSQL, hashes the followed users against the window's posts) and sorts the few rows found. With
 * the plain column, PostgreSQL switches, once the time window is wide (a user who follows few people), to
 * walking ALL posts newest first and probing the followers table for each: about 200 ms instead of 1 ms for a
 * user following 11 (measured on the generated data set).
 */
final class FollowedAuthorsJoin implements HomeTimelinePlan {

    private final EntityManager em;

    FollowedAuthorsJoin(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Long> postIds(long userId, TimelineWindow window, int count) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Follow> follow = query.from(Follow.class);
        Root<Post> post = query.from(Post.class);
        Path<Instant> timestamp = post.get(Post_.timestamp);
        List<Predicate> where = new ArrayList<>(FollowedLinks.of(cb, follow, post, userId));
        window.notBefore().ifPresent(bound -> where.add(cb.greaterThanOrEqualTo(timestamp, bound)));
        window.after().ifPresent(cursor -> where.add(TimelineService.olderThan(cb, post, cursor)));
        query.select(post.get(Post_.id))
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(cb.coalesce(timestamp, timestamp)), cb.desc(post.get(Post_.id)));
        return em.createQuery(query).setMaxResults(count).getResultList();
    }
}
