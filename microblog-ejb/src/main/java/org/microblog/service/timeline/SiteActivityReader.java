package org.microblog.service.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.Post_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;

/**
 * The {@link SiteActivity} as the database tells it, read at most every {@link #REFRESH} per application
 * instance: four index reads (the highest user and post ids, the oldest and newest post). An older reading
 * never makes a timeline wrong, only its first window less well sized (see {@link TimelineWindow}).
 */
@ApplicationScoped
public class SiteActivityReader {

    static final Duration REFRESH = Duration.ofSeconds(10);

    @PersistenceContext
    EntityManager em;

    private volatile Reading last;

    private record Reading(SiteActivity activity, long atNanos) {}

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
        return new SiteActivity(
                single(User.class, Long.class, (cb, user) -> cb.max(user.get(User_.id)))
                        .orElse(0L),
                single(Post.class, Long.class, (cb, post) -> cb.max(post.get(Post_.id)))
                        .orElse(0L),
                single(Post.class, Instant.class, (cb, post) -> cb.least(post.get(Post_.timestamp))),
                single(Post.class, Instant.class, (cb, post) -> cb.greatest(post.get(Post_.timestamp))));
    }

    /** One aggregate over a whole table; empty for a table without rows. */
    private <E, T> Optional<T> single(
            Class<E> entity, Class<T> type, BiFunction<CriteriaBuilder, Root<E>, Expression<T>> aggregate) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<E> root = query.from(entity);
        query.select(aggregate.apply(cb, root));
        return em.createQuery(query)
                .getResultStream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }
}
