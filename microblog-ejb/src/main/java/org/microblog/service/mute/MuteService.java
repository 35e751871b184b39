package org.microblog.service.mute;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.Follow_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.block.NotYourselfException;

/**
 * Muting: a follower keeps following someone (the link and both counts stay) but no longer sees their posts
 * on the home timeline, which skips muted links (TimelineService). Only the follow's mark changes, one row,
 * so nothing is locked but that row; muting and unmuting are idempotent. The muted user is not told.
 */
@Stateless
public class MuteService {

    private static final Logger LOG = Logger.getLogger(MuteService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    /**
     * Mutes {@code followerId}'s follow of {@code username}.
     *
     * @return true if the follow was muted now, false if it was muted already
     * @throws UserNotFoundException if the user does not exist
     * @throws NotYourselfException if they are the same user
     * @throws NotFollowingException if {@code followerId} does not follow them
     */
    public boolean mute(long followerId, String username) {
        User followed = accounts.getByUsername(username);
        Follow link = link(followerId, followed).orElseThrow(() -> new NotFollowingException(followed.getUsername()));
        if (link.isMuted()) {
            return false;
        }
        link.mute();
        LOG.fine(() -> "#" + followerId + " mutes " + followed.getUsername());
        return true;
    }

    /**
     * Unmutes {@code followerId}'s follow of {@code username}: their posts are back on the home timeline.
     *
     * @return true if a muted follow was unmuted, false if there was none (not muted, or not followed)
     * @throws UserNotFoundException if the user does not exist
     * @throws NotYourselfException if they are the same user
     */
    public boolean unmute(long followerId, String username) {
        User followed = accounts.getByUsername(username);
        Optional<Follow> link = link(followerId, followed).filter(Follow::isMuted);
        link.ifPresent(Follow::unmute);
        return link.isPresent();
    }

    /** Whether {@code followerId} follows {@code followedId} and has muted them: one primary-key read. */
    public boolean isMuted(long followerId, long followedId) {
        return followerId != followedId
                && Optional.ofNullable(em.find(Follow.class, new Follow.Key(followerId, followedId)))
                        .filter(Follow::isMuted)
                        .isPresent();
    }

    /** Which of {@code userIds} {@code followerId} follows and has muted: one query for a whole list. */
    public Set<Long> mutedAmong(long followerId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Follow> follow = query.from(Follow.class);
        query.select(follow.get(Follow_.followedId))
                .where(
                        cb.equal(follow.get(Follow_.followerId), followerId),
                        follow.get(Follow_.followedId).in(Set.copyOf(userIds)),
                        cb.isTrue(follow.get(Follow_.muted)));
        return Set.copyOf(em.createQuery(query).getResultList());
    }

    /** The people {@code followerId} follows and has muted, most recent follow first, with those users loaded. */
    public List<Follow> muted(long followerId, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Follow> query = cb.createQuery(Follow.class);
        Root<Follow> follow = query.from(Follow.class);
        @SuppressWarnings("unchecked")
        Join<Follow, User> followed = (Join<Follow, User>) follow.fetch(Follow_.followed);
        query.select(follow)
                .where(cb.equal(follow.get(Follow_.followerId), followerId), cb.isTrue(follow.get(Follow_.muted)))
                .orderBy(cb.desc(follow.get(Follow_.since)), cb.asc(followed.get(User_.id)));
        return em.createQuery(query)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(max)
                .getResultList();
    }

    private Optional<Follow> link(long followerId, User followed) {
        if (followed.getId() == followerId) {
            throw NotYourselfException.mute();
        }
        return Optional.ofNullable(em.find(Follow.class, new Follow.Key(followerId, followed.getId())));
    }
}
