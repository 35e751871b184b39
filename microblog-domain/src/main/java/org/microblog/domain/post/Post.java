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
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.microblog.domain.text.TextRules;
import org.microblog.domain.user.User;

/** A short message published by a user. Posts are immutable once published. */
@Entity
@Table(name = "posts")
public class Post {

    /** The most characters a post holds, counted as people count them: Unicode code points (see TextRules). */
    public static final int BODY_MAX = 140;

    /**
     * The body column's length in the schema: Derby's VARCHAR counts UTF-16 units, two for a character outside
     * the Basic Multilingual Plane (an emoji), so 140 emoji need 280 (migration V8).
     */
    public static final int BODY_COLUMN_LENGTH = 2 * BODY_MAX;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @PostBody
    @Column(name = "body", nullable = false, length = BODY_COLUMN_LENGTH)
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
     * A post by {@code author} at {@code timestamp}. The body must follow {@link PostBody}'s rules (not blank, at
     * most {@value #BODY_MAX} code points, no control character but line feed and tab) and is kept without the
     * white space around it ({@link TextRules#strip}). The time is kept to the millisecond, the
     * precision every supported database stores, so that a timeline cursor made from this object matches
     * the row it came from.
     */
    public Post(User author, String body, Instant timestamp) {
        this.author = Objects.requireNonNull(author, "author");
        this.body = requireBody(body);
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp").truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A published post made again from what was read of its row before, with its author as read now: for a list that
     * keeps posts in memory, which it may, as a post never changes once published. It is not managed by a persistence
     * context; it is for showing.
     */
    public static Post published(long id, User author, String body, Instant timestamp) {
        Post post = new Post();
        post.id = id;
        post.author = Objects.requireNonNull(author, "author");
        post.body = Objects.requireNonNull(body, "body");
        post.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        return post;
    }

    private static String requireBody(String body) {
        TextRules.check(body, BODY_MAX, true).ifPresent(refusal -> {
            throw new IllegalArgumentException("Not a post body (" + refusal + "): 1 to " + BODY_MAX
                    + " visible characters, no control characters but line feed and tab");
        });
        return TextRules.strip(body);
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

    /** Whether user {@code userId} wrote this post. */
    public boolean isBy(long userId) {
        // authorId is filled when the post is read from the database; author.getId() serves a post made in this
        // session or rebuilt by published()
        Long id = authorId != null ? authorId : author.getId();
        return id != null && id == userId;
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
