package org.microblog.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.Post_;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.Follow_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;

/**
 * The query forms the application does NOT use, kept to compare against on the same data: the Flask
 * Mega-Tutorial's home timeline, the foundation's timeline join without a time bound, the join in the
 * database's own plan for a user who follows a thousand, and counting the followers table instead of
 * reading the count kept on the user row.
 */
final class QueryForms {

    private QueryForms() {}

    /**
     * The tutorial's {@code following_posts()} (2023 edition): posts joined to their author, the author
     * outer-joined to the author's followers, {@code WHERE follower = me OR author = me}, grouped by post,
     * newest first; with the same keyset condition as the application for pages after the first.
     *
     * <p>The grouping is written as {@code DISTINCT} over the post's columns, which is the same thing: for a
     * query that selects an entity, EclipseLink leaves a Criteria {@code groupBy} out of the SQL, and the
     * user's own posts would then come once per follower.
     */
    static List<Post> tutorialHome(
            EntityManager em, long userId, Optional<TimelineCursor> after, int limit, int timeoutSeconds) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Post> query = cb.createQuery(Post.class);
        Root<Post> post = query.from(Post.class);
        Join<Post, User> author = post.join(Post_.author);
        Join<User, User> follower = author.join(User_.followers, JoinType.LEFT);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.or(cb.equal(follower.get(User_.id), userId), cb.equal(author.get(User_.id), userId)));
        after.ifPresent(cursor -> where.add(olderThan(cb, post, cursor)));
        query.select(post)
                .distinct(true)
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(post.get(Post_.timestamp)), cb.desc(post.get(Post_.id)));
        return em.createQuery(query)
                .setMaxResults(limit)
                .setHint("jakarta.persistence.query.timeout", timeoutSeconds * 1000)
                .getResultList();
    }

    /** The foundation's home timeline: the same join as the application's, without the time bound. */
    static List<Post> unboundedHome(EntityManager em, long userId, Optional<TimelineCursor> after, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Post> query = cb.createQuery(Post.class);
        Root<Post> post = query.from(Post.class);
        post.fetch(Post_.author);
        Root<Follow> follow = query.from(Follow.class);
        List<Predicate> where = new ArrayList<>(List.of(
                cb.equal(follow.get(Follow_.follower).get(User_.id), userId),
                cb.equal(follow.get(Follow_.followed), post.get(Post_.author))));
        after.ifPresent(cursor -> where.add(olderThan(cb, post, cursor)));
        query.select(post)
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(post.get(Post_.timestamp)), cb.desc(post.get(Post_.id)));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    /**
     * The home timeline's Criteria join as the application runs it for most users, here for everyone: post
     * ids of the followed users (and the user) newer than {@code notBefore}, in the plan the database chooses
     * by itself. Derby always loops over the followed users; the application hash-joins instead for users who
     * follow hundreds (see {@code TimelineService}).
     */
    static List<Long> joinAsPlanned(EntityManager em, long userId, Instant notBefore, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Follow> follow = query.from(Follow.class);
        Root<Post> post = query.from(Post.class);
        Path<Instant> timestamp = post.get(Post_.timestamp);
        query.select(post.get(Post_.id))
                .where(
                        cb.equal(follow.get(Follow_.followerId), userId),
                        cb.equal(follow.get(Follow_.followedId), post.get(Post_.authorId)),
                        cb.greaterThanOrEqualTo(timestamp, notBefore))
                .orderBy(cb.desc(cb.coalesce(timestamp, timestamp)), cb.desc(post.get(Post_.id)));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    /** The foundation's follower count: COUNT(*) over the user's rows of the followers table. */
    static long countFollowers(EntityManager em, long userId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Follow> follow = query.from(Follow.class);
        query.select(cb.count(follow))
                .where(
                        cb.equal(follow.get(Follow_.followed).get(User_.id), userId),
                        cb.notEqual(follow.get(Follow_.follower).get(User_.id), userId));
        return em.createQuery(query).getSingleResult();
    }

    private static Predicate olderThan(CriteriaBuilder cb, Root<Post> post, TimelineCursor cursor) {
        Path<Instant> timestamp = post.get(Post_.timestamp);
        return cb.or(
                cb.lessThan(timestamp, cursor.timestamp()),
                cb.and(cb.equal(timestamp, cursor.timestamp()), cb.lessThan(post.get(Post_.id), cursor.postId())));
    }
}
