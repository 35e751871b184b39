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
 * followed user before their posts as well (docs/benchmarks.md, "The timeline: figures behind the plan").
 *
 * <p>The order is stated on {@code COALESCE(created_at, created_at)}: the same values (the column is NOT
 * NULL), but no index delivers them in that order. This keeps the plan that reads the followed users' ranges
 * (or, on PostgreSQL, hashes the followed users against the window's posts) and sorts the few rows found. With
 * the plain column, PostgreSQL switches, once the time window is wide (a user who follows few people), to
 * walking ALL posts newest first and probing the followers table for each, far slower for such a reader
 * (docs/benchmarks.md, "The timeline: figures behind the plan").
 *
 * <p>Which plan is best depends on the values: the reader's following count and the window's length. A
 * prepared statement is planned once for all values, though: after five runs, PostgreSQL's JDBC driver makes
 * it a server-side statement, and PostgreSQL then uses a generic plan, made without the values, that loops
 * over every followed user, several times slower than the plan for the values (read the window's posts,
 * probe the reader's links) both for readers who follow thousands and for later pages of readers who follow
 * a hundred (docs/benchmarks.md, "The timeline: figures behind the plan"). So {@link #plannedForItsValues}
 * sends this query, and only this one, with its values written in (all of them numbers and times from the
 * service, never text from a request), and PostgreSQL plans each run for them, which costs far less than the
 * generic plan loses. On Derby, which compiles every new statement text, {@link #prepared} binds them as usual.
 */
final class FollowedAuthorsJoin implements HomeTimelinePlan {

    /** EclipseLink's query hint (QueryHints.BIND_PARAMETERS), named here so that the module needs only the JPA API. */
    private static final String BIND_PARAMETERS = "eclipselink.jdbc.bind-parameters";

    private final EntityManager em;
    private final boolean bindValues;

    private FollowedAuthorsJoin(EntityManager em, boolean bindValues) {
        this.em = em;
        this.bindValues = bindValues;
    }

    /** The query prepared once and run with bound values (Derby). */
    static FollowedAuthorsJoin prepared(EntityManager em) {
        return new FollowedAuthorsJoin(em, true);
    }

    /** The query planned for the values of each run (PostgreSQL). */
    static FollowedAuthorsJoin plannedForItsValues(EntityManager em) {
        return new FollowedAuthorsJoin(em, false);
    }

    @Override
    public List<Long> postIds(long userId, TimelineWindow window, int count) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Follow> follow = query.from(Follow.class);
        Root<Post> post = query.from(Post.class);
        Path<Instant> timestamp = post.get(Post_.timestamp);
        List<Predicate> where = new ArrayList<>(TimelineSources.of(cb, follow, post, userId));
        window.notBefore().ifPresent(bound -> where.add(cb.greaterThanOrEqualTo(timestamp, bound)));
        window.after().ifPresent(cursor -> where.add(TimelineService.olderThan(cb, post, cursor)));
        query.select(post.get(Post_.id))
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(cb.coalesce(timestamp, timestamp)), cb.desc(post.get(Post_.id)));
        return em.createQuery(query)
                .setHint(BIND_PARAMETERS, Boolean.toString(bindValues))
                .setMaxResults(count)
                .getResultList();
    }
}
