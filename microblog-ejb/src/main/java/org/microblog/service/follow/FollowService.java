package org.microblog.service.follow;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.List;
import java.util.logging.Logger;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.Follow_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.UserNotFoundException;

/**
 * Following and unfollowing, and the numbers and lists that come from it.
 *
 * <p>Follow and unfollow are idempotent. They lock the acting user's row first, so that a burst of
 * identical requests (a double click, two tabs) runs one after the other: the first makes or removes
 * the link, the others find it done and change nothing.
 */
@Stateless
public class FollowService {

    private static final Logger LOG = Logger.getLogger(FollowService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    /**
     * Makes {@code followerId} follow {@code username}.
     *
     * @return true if a new link was made, false if it existed already
     * @throws UserNotFoundException if either user does not exist
     * @throws CannotFollowSelfException if they are the same user
     */
    public boolean follow(long followerId, String username) {
        User follower = lockActor(followerId);
        User followed = target(follower, username);
        if (isFollowing(follower.getId(), followed.getId())) {
            return false;
        }
        follower.follow(followed);
        LOG.fine(() -> follower.getUsername() + " follows " + followed.getUsername());
        return true;
    }

    /**
     * Makes {@code followerId} stop following {@code username}.
     *
     * @return true if a link was removed, false if there was none
     * @throws UserNotFoundException if either user does not exist
     * @throws CannotFollowSelfException if they are the same user
     */
    public boolean unfollow(long followerId, String username) {
        User follower = lockActor(followerId);
        User followed = target(follower, username);
        if (!isFollowing(follower.getId(), followed.getId())) {
            return false;
        }
        follower.unfollow(followed);
        LOG.fine(() -> follower.getUsername() + " unfollows " + followed.getUsername());
        return true;
    }

    /** Whether {@code followerId} follows {@code followedId}; nobody follows themself. */
    public boolean isFollowing(long followerId, long followedId) {
        if (followerId == followedId) {
            return false;
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Follow> follow = query.from(Follow.class);
        query.select(cb.count(follow)).where(
                cb.equal(follow.get(Follow_.follower).get(User_.id), followerId),
                cb.equal(follow.get(Follow_.followed).get(User_.id), followedId));
        return em.createQuery(query).getSingleResult() > 0;
    }

    /** How many users follow {@code userId}. */
    public long followersCount(long userId) {
        return countLinks(Follow_.followed, Follow_.follower, userId);
    }

    /** How many users {@code userId} follows. */
    public long followingCount(long userId) {
        return countLinks(Follow_.follower, Follow_.followed, userId);
    }

    /** The users following {@code userId}, most recent follow first, with the date each follow began. */
    public List<Follow> followers(long userId, int first, int max) {
        return links(Follow_.followed, Follow_.follower, userId, first, max);
    }

    /** The users {@code userId} follows, most recent follow first, with the date each follow began. */
    public List<Follow> following(long userId, int first, int max) {
        return links(Follow_.follower, Follow_.followed, userId, first, max);
    }

    private User lockActor(long userId) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new UserNotFoundException("#" + userId);
        }
        return user;
    }

    private User target(User actor, String username) {
        User target = accounts.getByUsername(username);
        if (target.equals(actor)) {
            throw new CannotFollowSelfException();
        }
        return target;
    }

    /** Counts the links whose {@code side} is the user, leaving out the user's link to themself. */
    private long countLinks(SingularAttribute<Follow, User> side, SingularAttribute<Follow, User> other, long userId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Follow> follow = query.from(Follow.class);
        query.select(cb.count(follow)).where(
                cb.equal(follow.get(side).get(User_.id), userId),
                cb.notEqual(follow.get(other).get(User_.id), userId));
        return em.createQuery(query).getSingleResult();
    }

    private List<Follow> links(
            SingularAttribute<Follow, User> side, SingularAttribute<Follow, User> other, long userId, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Follow> query = cb.createQuery(Follow.class);
        Root<Follow> follow = query.from(Follow.class);
        Join<Follow, User> person = (Join<Follow, User>) follow.fetch(other);
        query.select(follow)
                .where(cb.equal(follow.get(side).get(User_.id), userId), cb.notEqual(person.get(User_.id), userId))
                .orderBy(cb.desc(follow.get(Follow_.since)), cb.asc(person.get(User_.id)));
        return em.createQuery(query).setFirstResult(Math.max(0, first)).setMaxResults(max).getResultList();
    }
}
