package org.microblog.service.timeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.Post_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;

/**
 * The second step of a list found as post ids first (the home timeline, search): the posts themselves with their
 * authors. They are for showing: not managed, and changing them saves nothing.
 *
 * <p>A post never changes once it is published, so what a page shows of it (text, time, author's id) is kept in
 * memory, up to {@value #CAPACITY} posts per instance, the least used leaving first; only the posts not kept are read.
 * The authors are read on every call, in one query by primary key: their names, avatars and counts change. A deleted
 * post (on this instance or another) may stay kept until it leaves, but no list asks for it: every list finds its ids
 * in the live rows (the posts, or stored entries joined with them). This is a plain local cache on purpose: nothing
 * in it can be stale, so the instances of a cluster need not share it or tell each other anything.
 */
@ApplicationScoped
public class PostsWithAuthors {

    /**
     * How many posts an instance keeps: a kept post takes about 250 bytes of heap with its entry (a 70-character
     * text), so 100,000 take some 25 MB of the 1 GB heap, and hold the newest posts of a busy site, which every home
     * timeline's first pages show.
     */
    static final int CAPACITY = 100_000;

    /**
     * EclipseLink's query hint (QueryHints.READ_ONLY), named here so that the module needs only the JPA API. The
     * authors are only shown: read-only, EclipseLink neither registers them in the transaction nor copies them to
     * compare at commit.
     */
    private static final String READ_ONLY = "eclipselink.read-only";

    /** What a list shows of a post besides its author. */
    private record Published(long authorId, String body, Instant timestamp) {}

    /**
     * Its upkeep (the eviction's bookkeeping) runs in the requests that use it, a little at a time, not in the JDK's
     * shared ForkJoinPool, Caffeine's default: threads the server does not manage, which the requests would wake.
     */
    private final Cache<Long, Published> published =
            Caffeine.newBuilder().maximumSize(CAPACITY).executor(Runnable::run).build();

    /** The posts with these ids and their authors, in the order of the ids (a deleted one is left out). */
    public List<Post> load(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Published> posts = published.getAll(ids, missing -> read(em, missing));
        Set<Long> authorIds = new HashSet<>();
        posts.values().forEach(post -> authorIds.add(post.authorId()));
        Map<Long, User> authors = authors(em, authorIds);
        List<Post> page = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Published post = posts.get(id);
            User author = post == null ? null : authors.get(post.authorId());
            if (author != null) { // null: the post (or its author, with it) deleted since its id was read
                page.add(Post.published(id, author, post.body(), post.timestamp()));
            }
        }
        return page;
    }

    /** The posts with these ids that exist (deleted ones are left out). */
    private static Map<Long, Published> read(EntityManager em, Set<? extends Long> ids) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Post> post = query.from(Post.class);
        query.multiselect(post.get(Post_.id), post.get(Post_.authorId), post.get(Post_.body), post.get(Post_.timestamp))
                .where(post.get(Post_.id).in(ids));
        Map<Long, Published> found = new HashMap<>();
        for (Tuple row : em.createQuery(query).getResultList()) {
            found.put(
                    row.get(0, Long.class),
                    new Published(row.get(1, Long.class), row.get(2, String.class), row.get(3, Instant.class)));
        }
        return found;
    }

    /** The users with these ids, by id, read-only. */
    private static Map<Long, User> authors(EntityManager em, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<User> query = cb.createQuery(User.class);
        Root<User> user = query.from(User.class);
        query.select(user).where(user.get(User_.id).in(ids));
        Map<Long, User> authors = new HashMap<>();
        for (User author : em.createQuery(query).setHint(READ_ONLY, "true").getResultList()) {
            authors.put(author.getId(), author);
        }
        return authors;
    }
}
