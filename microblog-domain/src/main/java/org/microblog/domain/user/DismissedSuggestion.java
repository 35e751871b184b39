package org.microblog.domain.user;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A person asked not to be suggested {@code dismissedId} again: who-to-follow leaves them out from then on. A row of
 * {@code dismissed_suggestions} (migration V18); it never changes.
 */
@Entity
@Table(name = "dismissed_suggestions")
@IdClass(DismissedSuggestion.Key.class)
@Cacheable(false)
public class DismissedSuggestion {

    @Id
    @Column(name = "user_id")
    private long userId;

    @Id
    @Column(name = "dismissed_id")
    private long dismissedId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant since;

    protected DismissedSuggestion() {
        // for JPA
    }

    public DismissedSuggestion(long userId, long dismissedId, Instant since) {
        if (userId == dismissedId) {
            throw new IllegalArgumentException("Nobody is suggested to themself: " + userId);
        }
        this.userId = userId;
        this.dismissedId = dismissedId;
        this.since = Objects.requireNonNull(since, "since");
    }

    public long getUserId() {
        return userId;
    }

    public long getDismissedId() {
        return dismissedId;
    }

    public Instant getSince() {
        return since;
    }

    /** The composite primary key (user_id, dismissed_id). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private long userId;
        private long dismissedId;

        public Key() {
            // for JPA
        }

        public Key(long userId, long dismissedId) {
            this.userId = userId;
            this.dismissedId = dismissedId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && userId == other.userId && dismissedId == other.dismissedId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, dismissedId);
        }
    }
}
