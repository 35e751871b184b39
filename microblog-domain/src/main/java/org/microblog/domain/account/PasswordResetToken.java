package org.microblog.domain.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The link of a "forgot your password?" e-mail: the e-mail holds the random token, the database only its SHA-256
 * ({@link RememberMeToken#hash}), so that a copy of the database resets nobody's password. A token serves once,
 * within {@link #LIFETIME}, and only while the account's credentials are those it was made for: a password change
 * or "sign out everywhere" after it was sent ends it. Using one deletes every token of the account.
 */
@Entity
@Table(name = "password_reset_tokens")
@Cacheable(false)
public class PasswordResetToken {

    public static final Duration LIFETIME = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "credentials_version", nullable = false, updatable = false)
    private long credentialsVersion;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected PasswordResetToken() {
        // for JPA
    }

    /** The row for {@code token}, sent now to the owner of {@code userId} whose credentials are at that version. */
    public PasswordResetToken(String token, long userId, long credentialsVersion, Instant now) {
        this.tokenHash = RememberMeToken.hash(Objects.requireNonNull(token, "token"));
        this.userId = userId;
        this.credentialsVersion = credentialsVersion;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** Whether it may still reset the password of an account whose credentials are now at {@code currentVersion}. */
    public boolean usableAt(Instant now, long currentVersion) {
        return now.isBefore(expiresAt) && credentialsVersion == currentVersion;
    }

    public long getUserId() {
        return userId;
    }

    @Override
    public String toString() {
        return "PasswordResetToken[" + id + ", user " + userId + ", until " + expiresAt + "]";
    }
}
