package org.microblog.domain.oauth;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An app's access token, kept as its hash: for one person (from a code), or for the app alone (client credentials).
 * It does not expire by time; it ends when revoked, or when the person's credentials version moves past the one it
 * was made at (a password change or "sign out everywhere" ends every app's access as it ends every session).
 */
@Entity
@Table(name = "oauth_tokens")
@Cacheable(false)
public class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "app_id", nullable = false, updatable = false)
    private OAuthApp app;

    @Column(name = "user_id", updatable = false)
    private Long userId;

    @Column(name = "scopes", nullable = false, updatable = false)
    private String scopes;

    @Column(name = "credentials_version", nullable = false, updatable = false)
    private long credentialsVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AccessToken() {
        // for JPA
    }

    /** A token for {@code app}, acting for the user at {@code credentialsVersion}, or for the app alone. */
    public AccessToken(String token, OAuthApp app, Optional<Long> userId, long credentialsVersion, Scopes scopes) {
        this.tokenHash = Secrets.hash(token);
        this.app = app;
        this.userId = userId.orElse(null);
        this.credentialsVersion = credentialsVersion;
        this.scopes = scopes.text();
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public Long getId() {
        return id;
    }

    public OAuthApp getApp() {
        return app;
    }

    /** The person it acts for; empty for an app's own token. */
    public Optional<Long> getUserId() {
        return Optional.ofNullable(userId);
    }

    public long getCredentialsVersion() {
        return credentialsVersion;
    }

    public Scopes getScopes() {
        return Scopes.parse(scopes).orElse(Scopes.DEFAULT);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
