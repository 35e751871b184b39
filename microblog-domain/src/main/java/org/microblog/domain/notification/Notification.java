package org.microblog.domain.notification;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.microblog.domain.user.User;

/**
 * Something a user is told about: that {@link #getActor() someone} followed them, or that their export of their
 * posts is ready (the actor is then the recipient themself). It belongs to its recipient (by id, {@code user_id})
 * and is unread until the notifications page has shown it.
 */
@Entity
@Table(name = "notifications")
@Cacheable(false)
public class Notification {

    /** What happened. */
    public enum Kind {
        /** The actor started following the recipient. */
        FOLLOW,
        /** The recipient's export of their posts can be downloaded; the actor is the recipient. */
        EXPORT_READY;

        /** Whether someone else did it (else it is about the recipient's own account). */
        public boolean hasOtherActor() {
            return this != EXPORT_READY;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long recipientId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id", updatable = false)
    private User actor;

    /** The actor's id, for queries that compare it without joining the users table. */
    @Column(name = "actor_id", insertable = false, updatable = false)
    private Long actorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 16)
    private Kind kind;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
        // for JPA
    }

    /** An unread notification for {@code recipientId} that {@code actor} did {@code kind} at {@code at}. */
    public Notification(long recipientId, User actor, Kind kind, Instant at) {
        this.recipientId = recipientId;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.createdAt = Objects.requireNonNull(at, "at");
        boolean ownAccount = actor.getId() != null && actor.getId() == recipientId;
        if (ownAccount == kind.hasOtherActor()) {
            throw new IllegalArgumentException(
                    kind.hasOtherActor() ? "Nobody is notified of their own doing" : "Only about one's own account");
        }
    }

    public Long getId() {
        return id;
    }

    public long getRecipientId() {
        return recipientId;
    }

    public User getActor() {
        return actor;
    }

    public Kind getKind() {
        return kind;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When the recipient was shown it, or empty while unread. */
    public Optional<Instant> getReadAt() {
        return Optional.ofNullable(readAt);
    }

    public boolean isUnread() {
        return readAt == null;
    }

    /** Marks it read as shown to its recipient at {@code moment}; one already read keeps its first moment. */
    public void markReadAt(Instant moment) {
        Objects.requireNonNull(moment, "moment");
        if (readAt == null) {
            readAt = moment;
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Notification other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Notification.class.hashCode();
    }
}
