package org.microblog.domain.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One device's "remember me": the browser holds {@code selector.validator}, the database the selector (the
 * lookup key) and only the SHA-256 of the validator, so that a copy of the database signs nobody in.
 *
 * <p>A token is used once: using it {@link #replaceAt(Instant) replaces} it with a new one. The replaced
 * token still counts for a short grace (the parallel requests of one page load all carry it), then never
 * again. The row refers to its user by id (foreign key {@code user_id}); users are never deleted.
 */
@Entity
@Table(name = "remember_me_tokens")
@Cacheable(false)
public class RememberMeToken {

    public static final int SELECTOR_MAX = 32;
    /** A SHA-256 in hexadecimal. */
    public static final int VALIDATOR_HASH_LENGTH = 64;

    /** Where a token stands at a given moment. */
    public enum Standing {
        /** Valid and not yet used: sign in and replace it. */
        CURRENT,
        /** Replaced moments ago, within the grace: sign in, but the replacement is already on its way. */
        JUST_REPLACED,
        /** Expired, or replaced longer ago than the grace: refused. */
        SPENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "selector", nullable = false, unique = true, updatable = false, length = SELECTOR_MAX)
    private String selector;

    @Column(name = "validator_hash", nullable = false, updatable = false, length = VALIDATOR_HASH_LENGTH)
    private String validatorHash;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "replaced_at")
    private Instant replacedAt;

    protected RememberMeToken() {
        // for JPA
    }

    /**
     * A token for {@code userId}, valid from {@code createdAt} until {@code expiresAt}. Only the hash of
     * {@code validator} is kept.
     */
    public RememberMeToken(long userId, String selector, String validator, Instant createdAt, Instant expiresAt) {
        if (selector == null || selector.isBlank() || selector.length() > SELECTOR_MAX) {
            throw new IllegalArgumentException("A selector has 1 to " + SELECTOR_MAX + " characters");
        }
        if (validator == null || validator.isBlank()) {
            throw new IllegalArgumentException("validator must not be blank");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A token expires after it is made: " + createdAt + ", " + expiresAt);
        }
        this.userId = userId;
        this.selector = selector;
        this.validatorHash = hash(validator);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** The stored form of a validator: its SHA-256 (of the UTF-8 bytes), in lower-case hexadecimal. */
    public static String hash(String validator) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(validator.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code validator} is this token's, compared in constant time. */
    public boolean hasValidator(String validator) {
        return MessageDigest.isEqual(
                hash(validator).getBytes(StandardCharsets.US_ASCII), validatorHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Where this token stands at {@code now}, a replaced one counting for {@code grace} after its replacement. */
    public Standing standingAt(Instant now, Duration grace) {
        if (!now.isBefore(expiresAt)) {
            return Standing.SPENT;
        }
        if (replacedAt == null) {
            return Standing.CURRENT;
        }
        return now.isBefore(replacedAt.plus(grace)) ? Standing.JUST_REPLACED : Standing.SPENT;
    }

    /**
     * Marks the token used and replaced at {@code moment}.
     *
     * @throws IllegalStateException if it was replaced already
     */
    public void replaceAt(Instant moment) {
        Objects.requireNonNull(moment, "moment");
        if (replacedAt != null) {
            throw new IllegalStateException("Token " + selector + " was replaced at " + replacedAt);
        }
        replacedAt = moment;
    }

    public Long getId() {
        return id;
    }

    public String getSelector() {
        return selector;
    }

    public long getUserId() {
        return userId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Optional<Instant> getReplacedAt() {
        return Optional.ofNullable(replacedAt);
    }

    /** Two tokens are the same when they have the same selector (unique, never changes). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RememberMeToken other && selector != null && selector.equals(other.selector);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(selector);
    }

    /** Never shows the validator hash. */
    @Override
    public String toString() {
        return "RememberMeToken[" + selector + ", user " + userId + ", expires " + expiresAt + "]";
    }
}
