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
