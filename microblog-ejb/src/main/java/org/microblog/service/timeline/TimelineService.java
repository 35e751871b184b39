package org.microblog.service.timeline;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
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
import org.microblog.domain.user.User_;

/**
 * Newest-first lists of posts, paged by cursor: the home timeline, one user's posts and all posts.
 *
 * <p>The home timeline is one query: the followers join table (which holds every user's link to
 * themself) joined to the posts of the followed users. It returns each post once, since a (follower,
 * followed) pair occurs once, and includes the user's own posts without an OR.
 */
@Stateless
public class TimelineService {

    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext
    EntityManager em;

    /** Posts by {@code userId} and everyone they follow, newest first. */
    public PostPage home(long userId, Optional<TimelineCursor> after, int size) {
        return page(after, size, (cb, query, post) -> {
            Root<Follow> follow = query.from(Follow.class);
            return List.of(
                    cb.equal(follow.get(Follow_.follower).get(User_.id), userId),
                    cb.equal(follow.get(Follow_.followed), post.get(Post_.author)));
        });
    }

    /** The posts of one user, newest first. */
    public PostPage byAuthor(long authorId, Optional<TimelineCursor> after, int size) {
        return page(after, size, (cb, query, post) -> List.of(cb.equal(post.get(Post_.author).get(User_.id), authorId)));
    }

    /** Every post on the site, newest first. */
    public PostPage explore(Optional<TimelineCursor> after, int size) {
        return page(after, size, (cb, query, post) -> List.of());
    }

    /** Which posts a list holds, as predicates on the post (and any further roots it adds). */
    @FunctionalInterface
    private interface Source {
        List<Predicate> restrict(CriteriaBuilder cb, CriteriaQuery<Post> query, Root<Post> post);
    }

    private PostPage page(Optional<TimelineCursor> after, int size, Source source) {
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Post> query = cb.createQuery(Post.class);
        Root<Post> post = query.from(Post.class);
        post.fetch(Post_.author);
        List<Predicate> where = new ArrayList<>(source.restrict(cb, query, post));
        after.ifPresent(cursor -> where.add(olderThan(cb, post, cursor)));
        query.select(post)
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(post.get(Post_.timestamp)), cb.desc(post.get(Post_.id)));
        List<Post> rows = em.createQuery(query).setMaxResults(pageSize + 1).getResultList();
        return PostPage.of(rows, pageSize);
    }

    /** (timestamp, id) strictly before the cursor: the keyset condition for the next page. */
    private static Predicate olderThan(CriteriaBuilder cb, Root<Post> post, TimelineCursor cursor) {
        Path<Instant> timestamp = post.get(Post_.timestamp);
        return cb.or(
                cb.lessThan(timestamp, cursor.timestamp()),
                cb.and(cb.equal(timestamp, cursor.timestamp()), cb.lessThan(post.get(Post_.id), cursor.postId())));
    }
}
