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
 * One row of the {@code followers} join table: who follows whom, and since when.
 *
 * <p>A follow is made by {@link User#follow(User)}, which returns the link to persist, and ended by removing
 * the link after {@link User#unfollow(Follow)}; the database fills {@code created_at} when the row is
 * inserted. Writing the row itself, rather than adding to {@link User}'s {@code @ManyToMany} set, keeps a
 * follow from loading everyone the follower already follows. Queries read the date a follow began
 * ("following since") and join the table to posts in the home timeline. It has no public constructor and
 * no setters.
 *
 * <p>The one thing it changes is whether the link is {@linkplain #mute() muted}: a muted follow stays a follow
 * (it counts, and the follower can unmute it) but its posts stay off the follower's home timeline. A user's
 * link to themself is never muted.
 */
@Entity
@Table(name = "followers")
@IdClass(Follow.Key.class)
@Cacheable(false)
public class Follow {

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "follower_id")
    private User follower;

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "followed_id")
    private User followed;

    /** The follower's id, for queries: compared without joining the users table. */
    @Column(name = "follower_id", insertable = false, updatable = false)
    private Long followerId;

    /** The followed user's id, for queries: joined to posts without joining the users table. */
    @Column(name = "followed_id", insertable = false, updatable = false)
    private Long followedId;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant since;

    /** Written by {@link #mute()} and {@link #unmute()}; a new link is not muted (the column's default). */
    @Column(name = "muted", nullable = false, insertable = false)
    private boolean muted;

    protected Follow() {
        // for JPA
    }

    /** A new link; made by {@link User#follow(User)}, which moves the counts with it. */
    Follow(User follower, User followed) {
        this.follower = Objects.requireNonNull(follower, "follower");
        this.followed = Objects.requireNonNull(followed, "followed");
        this.followerId = follower.getId();
        this.followedId = followed.getId();
    }

    public User getFollower() {
        return follower;
    }

    public User getFollowed() {
        return followed;
    }

    /** When the follow began. */
    public Instant getSince() {
        return since;
    }

    /** Whether the follower keeps this follow but does not see its posts on their home timeline. */
    public boolean isMuted() {
        return muted;
    }

    /**
     * Keeps the follow but takes the followed user's posts off the follower's home timeline; muting a muted
     * link changes nothing.
     *
     * @throws IllegalStateException for a user's link to themself, which is never muted
     */
    public void mute() {
        if (Objects.equals(followerId, followedId)) {
            throw new IllegalStateException("A user's link to themself is never muted: #" + followerId);
        }
        muted = true;
    }

    /** Brings the followed user's posts back to the follower's home timeline; unmuting changes nothing else. */
    public void unmute() {
        muted = false;
    }

    /** The composite primary key (follower_id, followed_id). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private Long follower;
        private Long followed;

        public Key() {
            // for JPA
        }

        public Key(Long follower, Long followed) {
            this.follower = follower;
            this.followed = followed;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && Objects.equals(follower, other.follower)
                    && Objects.equals(followed, other.followed);
        }

        @Override
        public int hashCode() {
            return Objects.hash(follower, followed);
        }
    }
}
