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
 * One device's "remember me", a series: the browser holds {@code selector.validator}; the database the
 * selector (the lookup key, which names the series and never changes) and only the SHA-256 of the validator,
 * so that a copy of the database signs nobody in.
 *
 * <p>A validator is used once: using it {@link #rotate rotates} it in place, so the row lives as long as the
 * device stays remembered and ending the row ends every cookie the device was ever given. The row keeps the
 * hash of the validator it replaced, and when: that one still counts for a short grace (the parallel
 * requests of one page load all carry it). Any other validator presented with this selector, the previous
 * one after its grace included, means that two browsers hold the series: one of them a thief's copy (see
 * {@link Standing#STOLEN}). The row refers to its user by id (foreign key {@code user_id}); users are never
 * deleted.
 */
@Entity
@Table(name = "remember_me_tokens")
@Cacheable(false)
public class RememberMeToken {

    public static final int SELECTOR_MAX = 32;
    /** A SHA-256 in hexadecimal. */
    public static final int VALIDATOR_HASH_LENGTH = 64;

    /** What a validator presented with this series is, at a given moment. */
    public enum Standing {
        /** The current validator of a series that has not expired: sign in and rotate it. */
        CURRENT,
        /** The previous validator, rotated moments ago, within the grace: sign in, without a new rotation. */
        JUST_REPLACED,
        /** The series has expired, whatever the validator: refused. */
        EXPIRED,
        /**
         * Neither the current validator nor the previous one within its grace, of a series that has not
         * expired: a validator this series once had (the owner's browser never goes back to one, since every
         * rotation sends it the new one), or none it ever had. Either way someone else holds the series.
         */
        STOLEN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "selector", nullable = false, unique = true, updatable = false, length = SELECTOR_MAX)
    private String selector;

    @Column(name = "validator_hash", nullable = false, length = VALIDATOR_HASH_LENGTH)
    private String validatorHash;

    @Column(name = "previous_validator_hash", length = VALIDATOR_HASH_LENGTH)
    private String previousValidatorHash;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RememberMeToken() {
        // for JPA
    }

    /**
     * A new series for {@code userId}, valid from {@code createdAt} until {@code expiresAt}. Only the hash of
     * {@code validator} is kept.
     */
    public RememberMeToken(long userId, String selector, String validator, Instant createdAt, Instant expiresAt) {
        if (selector == null || selector.isBlank() || selector.length() > SELECTOR_MAX) {
            throw new IllegalArgumentException("A selector has 1 to " + SELECTOR_MAX + " characters");
        }
        requireValidator(validator);
        Objects.requireNonNull(createdAt, "createdAt");
        requireExpiryAfter(createdAt, expiresAt);
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

    /**
     * What {@code validator} is for this series at {@code now}, the previous validator counting for {@code
     * grace} after its rotation.
     */
    public Standing standingOf(String validator, Instant now, Duration grace) {
        if (!now.isBefore(expiresAt)) {
            return Standing.EXPIRED;
        }
        String presented = hash(validator);
        // Both hashes are compared every time, each in constant time: how long the answer takes tells nothing.
        boolean current = matches(validatorHash, presented);
        boolean previous = previousValidatorHash != null && matches(previousValidatorHash, presented);
        if (current) {
            return Standing.CURRENT;
        }
        return previous && now.isBefore(rotatedAt.plus(grace)) ? Standing.JUST_REPLACED : Standing.STOLEN;
    }

    /**
     * Replaces the current validator with {@code newValidator} at {@code moment}, keeping the old one's hash
     * for the grace, and extends the series to {@code newExpiry}: a device used now and then stays
     * remembered, as a new token on every use did before series.
     */
    public void rotate(String newValidator, Instant moment, Instant newExpiry) {
        requireValidator(newValidator);
        Objects.requireNonNull(moment, "moment");
        requireExpiryAfter(moment, newExpiry);
        previousValidatorHash = validatorHash;
        validatorHash = hash(newValidator);
        rotatedAt = moment;
        expiresAt = newExpiry;
    }

    private static boolean matches(String storedHash, String presentedHash) {
        return MessageDigest.isEqual(
                presentedHash.getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static void requireValidator(String validator) {
        if (validator == null || validator.isBlank()) {
            throw new IllegalArgumentException("validator must not be blank");
        }
    }

    private static void requireExpiryAfter(Instant moment, Instant expiry) {
        Objects.requireNonNull(expiry, "expiry");
        if (!expiry.isAfter(moment)) {
            throw new IllegalArgumentException("A series expires after " + moment + ", not at " + expiry);
        }
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

    /** When the validator was last rotated; empty for a series never used since it was issued. */
    public Optional<Instant> getRotatedAt() {
        return Optional.ofNullable(rotatedAt);
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

    /** Never shows a validator hash. */
    @Override
    public String toString() {
        return "RememberMeToken[" + selector + ", user " + userId + ", expires " + expiresAt + "]";
    }
}
