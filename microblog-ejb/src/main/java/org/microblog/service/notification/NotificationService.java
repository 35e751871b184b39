package org.microblog.service.notification;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.microblog.domain.notification.Notification;
import org.microblog.domain.notification.Notification_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;
import org.microblog.service.follow.NewFollow;

/**
 * "X followed you": a notification for every new follower, an unread count, and a paged list that marks
 * what it shows as read. Also "your export is ready", which the export's job tells ({@link #tellExportReady}).
 *
 * <p>The notification is made by observing {@link NewFollow}, inside the transaction that made the follow
 * link, so it exists exactly when the follow does. Someone who follows, unfollows and follows again is told
 * about once: no new notification while one from the same person is still unread, nor within {@link
 * #QUIET} of the last one. FollowService holds the followed user's row locked in that transaction, so two
 * follows cannot both decide that nobody has been told yet.
 *
 * <p>The unread count lives on the user row ({@code users.unread_notifications}, migration V11), which the
 * signed-in user's requests read anyway: the menu's count costs no query. It changes with an atomic {@code
 * UPDATE ... SET unread_notifications = unread_notifications + n} in the same transaction as the rows it
 * counts.
 */
@Stateless
public class NotificationService {

    /** A follow this soon after the last notification of the same follower is not told again. */
    public static final Duration QUIET = Duration.ofHours(1);

    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** For the container, which injects the entity manager above. */
    public NotificationService() {}

    /** For tools outside the server (the benchmark): the entity manager the container would inject. */
    public NotificationService(EntityManager em) {
        this.em = em;
    }

    /** Tells the followed user about a new follower (see the class comment for when it does not). */
    public void onNewFollow(@Observes NewFollow follow) {
        tellAboutFollow(follow.followerId(), follow.followedId());
    }

    /**
     * Tells {@code followedId} that {@code followerId} followed them, unless they were told recently or still
     * have that notification unread.
     *
     * @return whether a notification was made
     */
    public boolean tellAboutFollow(long followerId, long followedId) {
        if (followerId == followedId) {
            return false;
        }
        Instant now = clock.instant();
        if (alreadyTold(followedId, followerId, Notification.Kind.FOLLOW, now.minus(QUIET))) {
            return false;
        }
        em.persist(
                new Notification(followedId, em.getReference(User.class, followerId), Notification.Kind.FOLLOW, now));
        addUnread(followedId, 1);
        return true;
    }

    /** Tells {@code userId} that their export of their posts is ready, in the transaction that finished it. */
    public void tellExportReady(long userId) {
        em.persist(new Notification(
                userId, em.getReference(User.class, userId), Notification.Kind.EXPORT_READY, clock.instant()));
        addUnread(userId, 1);
    }

    /** How many of the user's notifications are unread (0 for an unknown user). */
    public int unreadCount(long userId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Integer> query = cb.createQuery(Integer.class);
        Root<User> user = query.from(User.class);
        query.select(user.get(User_.unreadNotifications)).where(cb.equal(user.get(User_.id), userId));
        return em.createQuery(query).getResultStream().findFirst().orElse(0);
    }

    /**
     * How many of the user's unread notifications are of these kinds: the count for an app, which is shown only the
     * kinds it knows (the site's own count, {@link #unreadCount(long)}, is kept on the user row).
     */
    public int unreadCount(long userId, Set<Notification.Kind> kinds) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Notification> n = query.from(Notification.class);
        query.select(cb.count(n))
                .where(
                        cb.equal(n.get(Notification_.recipientId), userId),
                        cb.isNull(n.get(Notification_.readAt)),
                        n.get(Notification_.kind).in(kinds));
        return Math.toIntExact(em.createQuery(query).getSingleResult());
    }

    /**
     * A page of the user's notifications, newest first, with their actors; the unread ones among them are
     * marked read now, and the unread count goes down by as many. Each row tells whether it was unread
     * before this call, so that the page can show which are new.
     *
     * @param first the index of the first notification (0 for the first page)
     * @param max how many at most (1 to {@value #MAX_PAGE_SIZE})
     */
    public NotificationPage read(long userId, int first, int max) {
        if (max < 1 || max > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Page size 1 to " + MAX_PAGE_SIZE + ", not " + max);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Notification> query = cb.createQuery(Notification.class);
        Root<Notification> n = query.from(Notification.class);
        n.fetch(Notification_.actor);
        query.select(n)
                .where(cb.equal(n.get(Notification_.recipientId), userId))
                .orderBy(cb.desc(n.get(Notification_.createdAt)), cb.desc(n.get(Notification_.id)));
        List<Notification> rows = em.createQuery(query)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(max + 1)
                .getResultList();
        boolean more = rows.size() > max;
        Instant now = clock.instant();
        List<NotificationPage.Row> shown = new ArrayList<>();
        int marked = 0;
        for (Notification notification : rows.subList(0, Math.min(max, rows.size()))) {
            boolean unread = notification.isUnread();
            if (unread) {
                notification.markReadAt(now);
                marked++;
            }
            shown.add(new NotificationPage.Row(notification, unread));
        }
        if (marked > 0) {
            addUnread(userId, -marked);
        }
        return new NotificationPage(shown, more);
    }

    /**
     * The user's notifications that {@code query} selects, with their actors, newest first, marking nothing read (the
     * client API's list: an app moves the read position with a marker, {@link #markReadUpTo}).
     */
    public List<Notification> list(long userId, NotificationQuery query) {
        if (query.kinds().isEmpty()) {
            return List.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Notification> select = cb.createQuery(Notification.class);
        Root<Notification> n = select.from(Notification.class);
        n.fetch(Notification_.actor);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(n.get(Notification_.recipientId), userId));
        where.add(n.get(Notification_.kind).in(query.kinds()));
        query.actorId().ifPresent(id -> where.add(cb.equal(n.get(Notification_.actorId), id)));
        query.after().ifPresent(id -> where.add(cb.gt(n.get(Notification_.id), id)));
        query.before().ifPresent(id -> where.add(cb.lt(n.get(Notification_.id), id)));
        boolean oldestFirst = query.adjacent() && query.after().isPresent();
        select.select(n)
                .where(where.toArray(Predicate[]::new))
                .orderBy(oldestFirst ? cb.asc(n.get(Notification_.id)) : cb.desc(n.get(Notification_.id)));
        List<Notification> found = new ArrayList<>(
                em.createQuery(select).setMaxResults(query.max()).getResultList());
        if (oldestFirst) {
            Collections.reverse(found);
        }
        return found;
    }

    /** The user's notification {@code id}, with its actor; empty if it is not theirs or does not exist. */
    public Optional<Notification> find(long userId, long id) {
        return Optional.ofNullable(em.find(Notification.class, id))
                .filter(notification -> notification.getRecipientId() == userId);
    }

    /**
     * Marks the user's notifications up to {@code lastReadId} (inclusive) read, in one UPDATE, and lowers the unread
     * count by as many.
     *
     * @return how many were unread
     */
    public int markReadUpTo(long userId, long lastReadId) {
        return markRead(userId, "n.id <= :id", lastReadId);
    }

    /**
     * Deletes the user's notification {@code id} (an unread one leaves the unread count).
     *
     * @return whether there was one
     */
    public boolean dismiss(long userId, long id) {
        return delete(userId, "n.id = :id", id) > 0;
    }

    /** Deletes all the user's notifications; the unread count is zero. */
    public void clear(long userId) {
        delete(userId, "n.id <= :id", Long.MAX_VALUE);
    }

    /*
     * The bulk statements below are JPQL: EclipseLink's CriteriaUpdate dropped conditions of its WHERE here (one
     * notification marked instead of two, another user's deleted), which NotificationServiceIT catches.
     */

    /**
     * Deletes the user's notifications that {@code condition} (on {@code n}, with {@code :id}) selects. The unread
     * ones among them are first marked read, and taken off the count, by an UPDATE that claims each row once: a
     * marker moved at the same moment cannot count them off twice.
     */
    private int delete(long userId, String condition, long id) {
        markRead(userId, condition, id);
        return em.createQuery("DELETE FROM Notification n WHERE n.recipientId = :user AND " + condition)
                .setParameter("user", userId)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Marks the user's unread notifications that {@code condition} selects read, and lowers the unread count. */
    private int markRead(long userId, String condition, long id) {
        int marked = em.createQuery("UPDATE Notification n SET n.readAt = :now"
                        + " WHERE n.recipientId = :user AND n.readAt IS NULL AND " + condition)
                .setParameter("now", clock.instant())
                .setParameter("user", userId)
                .setParameter("id", id)
                .executeUpdate();
        if (marked > 0) {
            addUnread(userId, -marked);
        }
        return marked;
    }

    private boolean alreadyTold(long userId, long actorId, Notification.Kind kind, Instant quietSince) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Notification> n = query.from(Notification.class);
        query.select(n.get(Notification_.id))
                .where(
                        cb.equal(n.get(Notification_.recipientId), userId),
                        cb.equal(n.get(Notification_.actorId), actorId),
                        cb.equal(n.get(Notification_.kind), kind),
                        cb.or(
                                cb.isNull(n.get(Notification_.readAt)),
                                cb.greaterThan(n.get(Notification_.createdAt), quietSince)));
        return !em.createQuery(query).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Changes the unread count in the database itself, so that concurrent changes add up whoever holds the
     * user row. The column is not written through the entity (see {@code User.unreadNotifications}).
     */
    private void addUnread(long userId, int delta) {
        em.createNativeQuery("UPDATE users SET unread_notifications = unread_notifications + ?1 WHERE id = ?2")
                .setParameter(1, delta)
                .setParameter(2, userId)
                .executeUpdate();
    }
}
