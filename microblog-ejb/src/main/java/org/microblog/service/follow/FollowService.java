package org.microblog.service.follow;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.Follow_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.block.BlockPredicates;
import org.microblog.service.block.BlockService;
import org.microblog.service.block.FollowBlockedException;

/**
 * Following and unfollowing, and the numbers and lists that come from it.
 *
 * <p>Follow and unfollow are idempotent. They lock both users' rows first, always the lower id first so
 * that two users following each other at the same moment cannot deadlock; a burst of identical requests (a
 * double click, two tabs) then runs one after the other: the first makes or removes the link, the others
 * find it done and change nothing. The follower and following counts on the user rows change in the same
 * transaction as the link, so a count is a primary-key read and never a scan of a popular user's followers.
 * The link itself is read by its key and written as its own row ({@link Follow}): a follow or unfollow costs
 * the same whoever makes it, and never loads the users the follower already follows.
 */
@Stateless
public class FollowService {

    private static final Logger LOG = Logger.getLogger(FollowService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    FollowLinkWriter links;

    @Inject
    BlockService blocks;

    @Inject
    Event<NewFollow> newFollows;

    /** For the container, which fills the fields above. */
    public FollowService() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public FollowService(EntityManager em, FollowLinkWriter links, BlockService blocks, Event<NewFollow> newFollows) {
        this.em = em;
        this.links = links;
        this.blocks = blocks;
        this.newFollows = newFollows;
    }

    /**
     * Makes {@code followerId} follow {@code username}.
     *
     * @return true if a new link was made, false if it existed already
     * @throws UserNotFoundException if either user does not exist
     * @throws CannotFollowSelfException if they are the same user
     * @throws FollowBlockedException if either user blocks the other
     */
    public boolean follow(long followerId, String username) {
        FollowLinkWriter.LockedPair pair = links.lock(followerId, username, CannotFollowSelfException::new);
        User follower = pair.actor();
        User followed = pair.other();
        blocks.refuseFollowIfBlocked(follower, followed);
        if (links.find(follower, followed).isPresent()) {
            return false;
        }
        links.add(follower, followed);
        newFollows.fire(new NewFollow(follower.getId(), followed.getId()));
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
        FollowLinkWriter.LockedPair pair = links.lock(followerId, username, CannotFollowSelfException::new);
        User follower = pair.actor();
        User followed = pair.other();
        if (!links.remove(follower, followed)) {
            return false;
        }
        LOG.fine(() -> follower.getUsername() + " unfollows " + followed.getUsername());
        return true;
    }

    /**
     * Whether {@code followerId} follows {@code followedId}; nobody follows themself. One primary-key read
     * of the link, without loading either user.
     */
    public boolean isFollowing(long followerId, long followedId) {
        if (followerId == followedId) {
            return false;
        }
        return em.find(Follow.class, new Follow.Key(followerId, followedId)) != null;
    }

    /**
     * Which of {@code userIds} {@code followerId} follows: one query on the followers primary key for a whole
     * list (a page of followers, of suggestions), not one read per person.
     */
    public Set<Long> followedAmong(long followerId, Collection<Long> userIds) {
        return linkedAmong(Follow_.followerId, followerId, Follow_.followedId, userIds);
    }

    /** Which of {@code userIds} follow {@code userId}: one query on the followers' reverse index for a whole list. */
    public Set<Long> followersAmong(long userId, Collection<Long> userIds) {
        return linkedAmong(Follow_.followedId, userId, Follow_.followerId, userIds);
    }

    /** The {@code other} ends, among {@code userIds}, of the links whose {@code side} is {@code userId}. */
    private Set<Long> linkedAmong(
            SingularAttribute<Follow, Long> side,
            long userId,
            SingularAttribute<Follow, Long> other,
            Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Follow> follow = query.from(Follow.class);
        query.select(follow.get(other))
                .where(cb.equal(follow.get(side), userId), follow.get(other).in(Set.copyOf(userIds)));
        return Set.copyOf(em.createQuery(query).getResultList());
    }

    /**
     * Those of {@code userIds} whom {@code followerId} may follow now: existing users other than themself, not
     * followed yet, with no block either way (the rule of {@link #follow}). One statement for a whole list of
     * suggestions, which the home page shows on every visit.
     */
    public Set<Long> followableAmong(long followerId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Path<Long> id = query.from(User.class).get(User_.id);
        Subquery<Long> followed = query.subquery(Long.class);
        Root<Follow> follow = followed.from(Follow.class);
        followed.select(follow.get(Follow_.followedId))
                .where(
                        cb.equal(follow.get(Follow_.followerId), followerId),
                        cb.equal(follow.get(Follow_.followedId), id));
        query.select(id)
                .where(
                        id.in(Set.copyOf(userIds)),
                        cb.notEqual(id, followerId),
                        cb.not(cb.exists(followed)),
                        BlockPredicates.neitherBlocks(cb, query, id, followerId));
        return Set.copyOf(em.createQuery(query).getResultList());
    }

    /** How many users follow {@code userId} (0 for an unknown user). */
    public long followersCount(long userId) {
        return count(User_.followersCount, userId);
    }

    /** How many users {@code userId} follows (0 for an unknown user). */
    public long followingCount(long userId) {
        return count(User_.followingCount, userId);
    }

    /** The users following {@code userId}, most recent follow first, with the date each follow began. */
    public List<Follow> followers(long userId, int first, int max) {
        return links(Follow_.followed, Follow_.follower, userId, first, max);
    }

    /** The users {@code userId} follows, most recent follow first, with the date each follow began. */
    public List<Follow> following(long userId, int first, int max) {
        return links(Follow_.follower, Follow_.followed, userId, first, max);
    }

    private long count(SingularAttribute<User, Long> counter, long userId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<User> user = query.from(User.class);
        query.select(user.get(counter)).where(cb.equal(user.get(User_.id), userId));
        List<Long> rows = em.createQuery(query).getResultList();
        return rows.isEmpty() ? 0 : rows.getFirst();
    }

    private List<Follow> links(
            SingularAttribute<Follow, User> side,
            SingularAttribute<Follow, User> other,
            long userId,
            int first,
            int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Follow> query = cb.createQuery(Follow.class);
        Root<Follow> follow = query.from(Follow.class);
        Join<Follow, User> person = (Join<Follow, User>) follow.fetch(other);
        query.select(follow)
                .where(cb.equal(follow.get(side).get(User_.id), userId), cb.notEqual(person.get(User_.id), userId))
                .orderBy(cb.desc(follow.get(Follow_.since)), cb.asc(person.get(User_.id)));
        return em.createQuery(query)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(max)
                .getResultList();
    }
}
