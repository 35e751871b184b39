package org.microblog.service.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.SingularAttribute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.Post_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;

/**
 * The {@link SiteActivity} as the database tells it, read at most every {@link #REFRESH} per application
 * instance: four index reads (the highest user and post ids, the oldest and newest post). An older reading
 * never makes a timeline wrong, only its first window less well sized (see {@link TimelineWindow}).
 *
 * <p>The newest and oldest post are each the first row of an index in its own order, never {@code MAX} or
 * {@code MIN} of the time: Derby reads an index for those only in the order it was built, and the time is
 * indexed newest first ({@code posts(created_at DESC, id DESC, author_id)}), so each was a scan of every post
 * (docs/benchmarks.md, "The timeline: figures behind the plan"). The oldest post is the first written, by id: a
 * later time than the true oldest, if ids and times ever disagreed, only makes a window end without a bound sooner.
 */
@ApplicationScoped
public class SiteActivityReader {

    static final Duration REFRESH = Duration.ofSeconds(10);

    @PersistenceContext
    EntityManager em;

    private volatile Reading last;

    private record Reading(SiteActivity activity, long atNanos) {}

    /** For the container, which injects the entity manager above. */
    protected SiteActivityReader() {}

    /** For tools outside the server (the benchmark): the entity manager the container would inject. */
    public SiteActivityReader(EntityManager em) {
        this.em = em;
    }

    public SiteActivity current() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading == null || now - reading.atNanos() > REFRESH.toNanos()) {
            reading = new Reading(read(), now);
            last = reading;
        }
        return reading.activity();
    }

    private SiteActivity read() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        return new SiteActivity(
                highestId(User.class, User_.id).orElse(0L),
                highestId(Post.class, Post_.id).orElse(0L),
                firstPostTime(post -> List.of(cb.asc(post.get(Post_.id)))),
                firstPostTime(post -> List.of(cb.desc(post.get(Post_.timestamp)), cb.desc(post.get(Post_.id)))));
    }

    /** The highest id of a table; empty for a table without rows. */
    private <E> Optional<Long> highestId(Class<E> entity, SingularAttribute<? super E, Long> id) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<E> root = query.from(entity);
        query.select(cb.max(root.get(id)));
        return em.createQuery(query).getResultStream().filter(Objects::nonNull).findFirst();
    }

    /** The time of the first post in {@code order}; empty when there are no posts. */
    private Optional<Instant> firstPostTime(Function<Root<Post>, List<Order>> order) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Instant> query = cb.createQuery(Instant.class);
        Root<Post> post = query.from(Post.class);
        query.select(post.get(Post_.timestamp)).orderBy(order.apply(post));
        return em.createQuery(query).setMaxResults(1).getResultStream().findFirst();
    }
}
