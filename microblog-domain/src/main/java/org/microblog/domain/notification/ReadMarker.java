package org.microblog.domain.notification;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a person stopped reading one of their lists (Mastodon's marker): the id of the last post or notification they
 * read there. An app moves it on; {@link #getVersion() its version} counts the moves. A row of {@code read_markers}
 * (migration V18).
 */
@Entity
@Table(name = "read_markers")
@IdClass(ReadMarker.Key.class)
@Cacheable(false)
public class ReadMarker {

    /** The lists that have a read position. */
    public enum Timeline {
        HOME,
        NOTIFICATIONS
    }

    @Id
    @Column(name = "user_id")
    private long userId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "timeline", length = 16)
    private Timeline timeline;

    @Column(name = "last_read_id", nullable = false)
    private long lastReadId;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReadMarker() {
        // for JPA
    }

    /** The first marker of {@code userId}'s {@code timeline}: read up to {@code lastReadId} at {@code at}. */
    public ReadMarker(long userId, Timeline timeline, long lastReadId, Instant at) {
        this.userId = userId;
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.lastReadId = lastReadId;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    /** The person read up to {@code id} at {@code at}: the marker moves there, whichever way, and counts a move. */
    public void moveTo(long id, Instant at) {
        lastReadId = id;
        updatedAt = Objects.requireNonNull(at, "at");
        version++;
    }

    public long getUserId() {
        return userId;
    }

    public Timeline getTimeline() {
        return timeline;
    }

    public long getLastReadId() {
        return lastReadId;
    }

    /** How many times it moved since it was made (0 for a new one). */
    public int getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The composite primary key (user_id, timeline). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private long userId;
        private Timeline timeline;

        public Key() {
            // for JPA
        }

        public Key(long userId, Timeline timeline) {
            this.userId = userId;
            this.timeline = timeline;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && userId == other.userId && timeline == other.timeline;
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, timeline);
        }
    }
}
