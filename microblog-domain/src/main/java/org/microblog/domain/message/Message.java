package org.microblog.domain.message;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.microblog.domain.text.TextRules;

/**
 * A private message from one person to another. Only the two of them ever see it; it is unread until the recipient
 * opens the conversation. People refer to each other by id ({@code sender_id}, {@code recipient_id}).
 */
@Entity
@Table(name = "messages")
@Cacheable(false)
public class Message {

    /** The longest message, in code points. */
    public static final int BODY_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "sender_id", nullable = false, updatable = false)
    private long senderId;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private long recipientId;

    @MessageBody
    @Column(name = "body", nullable = false, updatable = false, length = 4 * BODY_MAX)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Message() {
        // for JPA
    }

    /**
     * A message from {@code senderId} to {@code recipientId}, sent at {@code at}, its text without the white space
     * around it.
     *
     * @throws IllegalArgumentException if the text breaks {@link MessageBody}'s rules or one writes to oneself
     */
    public Message(long senderId, long recipientId, String body, Instant at) {
        if (senderId == recipientId) {
            throw new IllegalArgumentException("A message goes to someone else");
        }
        TextRules.check(body, BODY_MAX, true).ifPresent(refusal -> {
            throw new IllegalArgumentException("Not a message (" + refusal + ")");
        });
        this.senderId = senderId;
        this.recipientId = recipientId;
        this.body = TextRules.strip(body);
        this.createdAt = Objects.requireNonNull(at, "at");
    }

    public Long getId() {
        return id;
    }

    public long getSenderId() {
        return senderId;
    }

    public long getRecipientId() {
        return recipientId;
    }

    /** Whether {@code userId} wrote it (else it was written to them). */
    public boolean isFrom(long userId) {
        return senderId == userId;
    }

    /** The other person of the conversation, seen from {@code userId}. */
    public long otherThan(long userId) {
        return senderId == userId ? recipientId : senderId;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }

    @Override
    public String toString() {
        return "Message[" + id + ", " + senderId + " to " + recipientId + "]";
    }
}
