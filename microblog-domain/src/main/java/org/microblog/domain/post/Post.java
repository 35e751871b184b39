package org.microblog.domain.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.microblog.domain.user.User;

/** A short message published by a user. Posts are immutable once published. */
@Entity
@Table(name = "posts")
public class Post {

    public static final int BODY_MAX = 140;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @NotBlank(message = "{microblog.post.body.required}")
    @Size(min = 1, max = BODY_MAX, message = "{microblog.post.body.size}")
    @Column(name = "body", nullable = false, length = BODY_MAX)
    private String body;

    @NotNull
    @Column(name = "created_at", nullable = false)
    private Instant timestamp;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private User author;

    /**
     * The author's id, read-only, for queries: a path through {@link #author} makes EclipseLink join the
     * users table, which costs the home timeline a users lookup per followed user.
     */
    @Column(name = "author_id", insertable = false, updatable = false)
    private Long authorId;

    protected Post() {
        // for JPA
    }

    /**
     * A post by {@code author} at {@code timestamp}. The body is stripped of surrounding white space and
     * must then hold 1 to {@value #BODY_MAX} characters. The time is kept to the millisecond, the
     * precision every supported database stores, so that a timeline cursor made from this object matches
     * the row it came from.
     */
    public Post(User author, String body, Instant timestamp) {
        this.author = Objects.requireNonNull(author, "author");
        this.body = requireBody(body);
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp").truncatedTo(ChronoUnit.MILLIS);
    }

    private static String requireBody(String body) {
        String stripped = body == null ? "" : body.strip();
        if (stripped.isEmpty() || stripped.length() > BODY_MAX) {
            throw new IllegalArgumentException("A post holds 1 to " + BODY_MAX + " characters");
        }
        return stripped;
    }

    public Long getId() {
        return id;
    }

    public String getBody() {
        return body;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public User getAuthor() {
        return author;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Post other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Post.class.hashCode();
    }

    @Override
    public String toString() {
        return "Post[" + id + ", " + (author == null ? null : author.getUsername()) + ", " + timestamp + "]";
    }
}
