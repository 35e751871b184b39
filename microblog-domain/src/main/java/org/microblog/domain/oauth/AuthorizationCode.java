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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * What the consent page gives an app for one person, to exchange for a token: once, within {@link #LIFETIME}, by the
 * same app, with the same redirect address, and with the PKCE verifier whose S256 hash the app sent first (RFC 7636).
 */
@Entity
@Table(name = "oauth_codes")
@Cacheable(false)
public class AuthorizationCode {

    public static final Duration LIFETIME = Duration.ofMinutes(10);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private String codeHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "app_id", nullable = false, updatable = false)
    private OAuthApp app;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "redirect_uri", nullable = false, updatable = false)
    private String redirectUri;

    @Column(name = "scopes", nullable = false, updatable = false)
    private String scopes;

    @Column(name = "code_challenge", updatable = false)
    private String codeChallenge;

    @Column(name = "credentials_version", nullable = false, updatable = false)
    private long credentialsVersion;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected AuthorizationCode() {
        // for JPA
    }

    public AuthorizationCode(
            String code,
            OAuthApp app,
            long userId,
            long credentialsVersion,
            String redirectUri,
            Scopes scopes,
            Optional<String> codeChallenge,
            Instant now) {
        this.codeHash = Secrets.hash(code);
        this.app = app;
        this.userId = userId;
        this.credentialsVersion = credentialsVersion;
        this.redirectUri = redirectUri;
        this.scopes = scopes.text();
        this.codeChallenge = codeChallenge.orElse(null);
        this.expiresAt = now.plus(LIFETIME);
    }

    /**
     * Whether {@code client} may exchange this code now, sending {@code redirect} and {@code verifier}: the same app and
     * address, not expired, and the verifier that hashes to the challenge (none needed when none was sent).
     */
    public boolean redeemableBy(OAuthApp client, String redirect, String verifier, Instant now) {
        return app.getId().equals(client.getId())
                && redirectUri.equals(redirect)
                && now.isBefore(expiresAt)
                && (codeChallenge == null || verifier != null && codeChallenge.equals(s256(verifier)));
    }

    /** PKCE's S256: the verifier's SHA-256 as URL-safe base64 without padding. */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public long getUserId() {
        return userId;
    }

    public long getCredentialsVersion() {
        return credentialsVersion;
    }

    public Scopes getScopes() {
        return Scopes.parse(scopes).orElse(Scopes.DEFAULT);
    }

    public OAuthApp getApp() {
        return app;
    }
}
