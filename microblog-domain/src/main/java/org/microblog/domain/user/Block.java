package org.microblog.domain.user;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One user blocking another: the blocked user cannot follow the blocker, and neither sees the other's posts.
 * A row of the {@code blocks} table (migration V10), made when the block begins and deleted when it ends; it
 * never changes. Whoever makes one also removes the follow links between the two (see BlockService).
 */
@Entity
@Table(name = "blocks")
@IdClass(Block.Key.class)
@Cacheable(false)
public class Block {

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "blocker_id")
    private User blocker;

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "blocked_id")
    private User blocked;

    /** The blocker's id, for queries: compared without joining the users table. */
    @Column(name = "blocker_id", insertable = false, updatable = false)
    private Long blockerId;

    /** The blocked user's id, for queries: compared without joining the users table. */
    @Column(name = "blocked_id", insertable = false, updatable = false)
    private Long blockedId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant since;

    protected Block() {
        // for JPA
    }

    /**
     * {@code blocker} blocks {@code blocked} from {@code since} on.
     *
     * @throws IllegalArgumentException if they are the same user: nobody blocks themself
     */
    public Block(User blocker, User blocked, Instant since) {
        this.blocker = Objects.requireNonNull(blocker, "blocker");
        this.blocked = Objects.requireNonNull(blocked, "blocked");
        this.since = Objects.requireNonNull(since, "since");
        if (blocker.equals(blocked)) {
            throw new IllegalArgumentException("A user cannot block themself: " + blocker);
        }
        this.blockerId = blocker.getId();
        this.blockedId = blocked.getId();
    }

    public User getBlocker() {
        return blocker;
    }

    public User getBlocked() {
        return blocked;
    }

    /** When the block began. */
    public Instant getSince() {
        return since;
    }

    /** The composite primary key (blocker_id, blocked_id). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private Long blocker;
        private Long blocked;

        public Key() {
            // for JPA
        }

        public Key(Long blocker, Long blocked) {
            this.blocker = blocker;
            this.blocked = blocked;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && Objects.equals(blocker, other.blocker)
                    && Objects.equals(blocked, other.blocked);
        }

        @Override
        public int hashCode() {
            return Objects.hash(blocker, blocked);
        }
    }
}
