package org.microblog.service.block;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.SingularAttribute;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.microblog.domain.user.Block;
import org.microblog.domain.user.Block_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;
import org.microblog.service.account.AccountService;
import org.microblog.service.follow.FollowLinkWriter;

/**
 * Ending follows that somebody else made: removing a follower (once: they may follow again) and blocking
 * (for as long as the block lasts: neither may follow the other, and neither sees the other's posts).
 *
 * <p>Both change follow links and counts, so they lock the two users' rows first, the lower id first
 * ({@link FollowLinkWriter}, as FollowService does): a block and a follow of the same two users run one after the other, and the follow
 * that comes second sees the block ({@link #refuseFollowIfBlocked}). Blocking, unblocking and removing are
 * idempotent. The person blocked or removed is not told.
 */
@Stateless
public class BlockService {

    private static final Logger LOG = Logger.getLogger(BlockService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    FollowLinkWriter links;

    @Inject
    Event<BlockMade> blocksMade;

    /** For the container, which fills the fields above. */
    public BlockService() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public BlockService(
            EntityManager em, AccountService accounts, FollowLinkWriter links, Event<BlockMade> blocksMade) {
        this.em = em;
        this.accounts = accounts;
        this.links = links;
        this.blocksMade = blocksMade;
    }

    /**
     * Makes {@code blockerId} block {@code username}, and removes the follow links between them both ways
     * (with their counts).
     *
     * @return true if a new block was made, false if it existed already
     * @throws UserNotFoundException if either user does not exist
     * @throws NotYourselfException if they are the same user
     */
    public boolean block(long blockerId, String username) {
        FollowLinkWriter.LockedPair pair = links.lock(blockerId, username, NotYourselfException::block);
        User blocker = pair.actor();
        User blocked = pair.other();
        if (isBlocking(blocker.getId(), blocked.getId())) {
            return false;
        }
        links.remove(blocker, blocked);
        links.remove(blocked, blocker);
        em.persist(new Block(blocker, blocked, Instant.now()));
        blocksMade.fire(new BlockMade(blocker.getId(), blocked.getId()));
        LOG.fine(() -> blocker.getUsername() + " blocks " + blocked.getUsername());
        return true;
    }

    /**
     * Ends {@code blockerId}'s block of {@code username}. It brings back no follow: either may follow the other
     * again.
     *
     * @return true if a block was removed, false if there was none
     * @throws UserNotFoundException if the user does not exist
     * @throws NotYourselfException if they are the same user
     */
    public boolean unblock(long blockerId, String username) {
        User blocked = accounts.getByUsername(username);
        if (blocked.getId() == blockerId) {
            throw NotYourselfException.block();
        }
        Block block = em.find(Block.class, new Block.Key(blockerId, blocked.getId()));
        if (block == null) {
            return false;
        }
        em.remove(block);
        LOG.fine(() -> "#" + blockerId + " unblocks " + blocked.getUsername());
        return true;
    }

    /**
     * Makes {@code followerName} stop following {@code userId}, who does not want them as a follower. They
     * may follow again later (a block is what prevents that).
     *
     * @return true if a link was removed, false if they did not follow
     * @throws UserNotFoundException if either user does not exist
     * @throws NotYourselfException if they are the same user
     */
    public boolean removeFollower(long userId, String followerName) {
        FollowLinkWriter.LockedPair pair = links.lock(userId, followerName, NotYourselfException::removeFollower);
        boolean removed = links.remove(pair.other(), pair.actor());
        if (removed) {
            LOG.fine(() -> pair.actor().getUsername() + " removes follower "
                    + pair.other().getUsername());
        }
        return removed;
    }

    /** Whether {@code blockerId} blocks {@code blockedId}: one primary-key read. */
    public boolean isBlocking(long blockerId, long blockedId) {
        return blockerId != blockedId && em.find(Block.class, new Block.Key(blockerId, blockedId)) != null;
    }

    /** Whether either of the two users blocks the other. */
    public boolean eitherBlocks(long oneId, long otherId) {
        return isBlocking(oneId, otherId) || isBlocking(otherId, oneId);
    }

    /**
     * Which of {@code userIds} block {@code userId} or are blocked by them: two queries on the blocks primary key
     * (and its reverse index) for a whole list, not two reads per person.
     */
    public Set<Long> blockedEitherWay(long userId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> ids = Set.copyOf(userIds);
        Set<Long> found = new HashSet<>(blockIds(Block_.blockerId, userId, Block_.blockedId, ids));
        found.addAll(blockIds(Block_.blockedId, userId, Block_.blockerId, ids));
        return Set.copyOf(found);
    }

    /** Which of {@code userIds} {@code blockerId} blocks: one query for a whole list. */
    public Set<Long> blockedAmong(long blockerId, Collection<Long> userIds) {
        return userIds.isEmpty()
                ? Set.of()
                : Set.copyOf(blockIds(Block_.blockerId, blockerId, Block_.blockedId, Set.copyOf(userIds)));
    }

    /** Which of {@code userIds} block {@code userId}: one query for a whole list. */
    public Set<Long> blockersAmong(long userId, Collection<Long> userIds) {
        return userIds.isEmpty()
                ? Set.of()
                : Set.copyOf(blockIds(Block_.blockedId, userId, Block_.blockerId, Set.copyOf(userIds)));
    }

    /** The {@code other} side of the blocks whose {@code side} is {@code userId} and whose other side is in ids. */
    private List<Long> blockIds(
            SingularAttribute<Block, Long> side, long userId, SingularAttribute<Block, Long> other, Set<Long> ids) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Block> block = query.from(Block.class);
        query.select(block.get(other))
                .where(cb.equal(block.get(side), userId), block.get(other).in(ids));
        return em.createQuery(query).getResultList();
    }

    /**
     * Refuses a follow that a block forbids. FollowService calls it with both rows locked, so a block made at
     * the same moment is either seen here or made after the follow (and then removes it).
     *
     * @throws FollowBlockedException if either user blocks the other
     */
    public void refuseFollowIfBlocked(User follower, User followed) {
        if (isBlocking(followed.getId(), follower.getId())) {
            throw FollowBlockedException.blockedByThem(followed.getUsername());
        }
        if (isBlocking(follower.getId(), followed.getId())) {
            throw FollowBlockedException.blockedByYou(followed.getUsername());
        }
    }

    /** The users {@code blockerId} blocks, most recent block first, with the blocked users loaded. */
    public List<Block> blocked(long blockerId, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Block> query = cb.createQuery(Block.class);
        Root<Block> block = query.from(Block.class);
        @SuppressWarnings("unchecked")
        Join<Block, User> blocked = (Join<Block, User>) block.fetch(Block_.blocked);
        query.select(block)
                .where(cb.equal(block.get(Block_.blockerId), blockerId))
                .orderBy(cb.desc(block.get(Block_.since)), cb.asc(blocked.get(User_.id)));
        return em.createQuery(query)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(max)
                .getResultList();
    }
}
