package org.microblog.service.follow;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.User;
import org.microblog.service.MicroblogException;
import org.microblog.service.account.AccountService;

/**
 * What every change of follow links does first and how it writes them, for the services that change them
 * (FollowService: follow, unfollow; BlockService: block, remove a follower), in their transaction.
 *
 * <p>They lock both users' rows, always the lower id first, so that two changes between the same two users
 * run one after the other and two users acting on each other at the same moment cannot deadlock; the rows are
 * read afresh under the lock, so that their counts are current. A link is read by its key and written as its
 * own row ({@link Follow}): a change costs the same whoever makes it, and never loads the users someone
 * already follows.
 */
@Dependent
public class FollowLinkWriter {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    /** For the container, which fills the fields above. */
    protected FollowLinkWriter() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public FollowLinkWriter(EntityManager em, AccountService accounts) {
        this.em = em;
        this.accounts = accounts;
    }

    /** The acting user and the other, both rows locked. */
    public record LockedPair(User actor, User other) {}

    /**
     * The acting user (by id) and the other (by name), both locked for this transaction.
     *
     * @throws org.microblog.service.account.UserNotFoundException if either does not exist
     * @throws MicroblogException from {@code ifSame} when they are the same user
     */
    public LockedPair lock(long actorId, String otherName, Supplier<? extends MicroblogException> ifSame) {
        User other = accounts.getByUsername(otherName);
        if (other.getId() == actorId) {
            throw ifSame.get();
        }
        if (actorId < other.getId()) {
            User actor = lock(actorId);
            em.refresh(other, LockModeType.PESSIMISTIC_WRITE);
            return new LockedPair(actor, other);
        }
        em.refresh(other, LockModeType.PESSIMISTIC_WRITE);
        return new LockedPair(lock(actorId), other);
    }

    /** The link from {@code follower} to {@code followed}, read by its key: nobody's followings are loaded. */
    public Optional<Follow> find(User follower, User followed) {
        return Optional.ofNullable(em.find(Follow.class, new Follow.Key(follower.getId(), followed.getId())));
    }

    /** Makes the link, with both counts; the caller knows there is none yet, with both rows locked. */
    public void add(User follower, User followed) {
        em.persist(follower.follow(followed));
    }

    /** Removes the link, with both counts; false if there was none. Both rows must be locked. */
    public boolean remove(User follower, User followed) {
        Optional<Follow> link = find(follower, followed);
        link.ifPresent(found -> {
            follower.unfollow(found);
            em.remove(found);
        });
        return link.isPresent();
    }

    /**
     * The user, read with their row locked: read, then refreshed under the lock. Not {@code em.find(User.class,
     * id, PESSIMISTIC_WRITE)} nor a query with that lock mode: EclipseLink then builds the user with their
     * relationships, loading everyone they follow and everyone following them, with the lock held
     * (docs/benchmarks.md, "The timeline: figures behind the plan").
     */
    private User lock(long userId) {
        User user = accounts.getById(userId);
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        return user;
    }
}
