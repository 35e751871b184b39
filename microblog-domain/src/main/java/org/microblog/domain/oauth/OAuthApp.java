package org.microblog.domain.oauth;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An app that registered with {@code POST /api/v1/apps}: its public client id, the hash of its secret (the app got
 * the secret once), its name and website as it gave them, the addresses the consent page may send a person back to,
 * and the scopes it may ask for.
 */
@Entity
@Table(name = "oauth_apps")
@Cacheable(false)
public class OAuthApp {

    public static final int NAME_MAX = 100;
    public static final int WEBSITE_MAX = 2000;
    /** The redirect addresses, one per line, all together. */
    public static final int REDIRECT_URIS_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(name = "client_secret_hash", nullable = false, updatable = false)
    private String clientSecretHash;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "website")
    private String website;

    @Column(name = "redirect_uris", nullable = false)
    private String redirectUris;

    @Column(name = "scopes", nullable = false)
    private String scopes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected OAuthApp() {
        // for JPA
    }

    /** A new app with a new client id; {@code clientSecret} is kept as its hash only. */
    public OAuthApp(
            String name, Optional<String> website, List<String> redirectUris, Scopes scopes, String clientSecret) {
        this.clientId = Secrets.newSecret();
        this.clientSecretHash = Secrets.hash(clientSecret);
        this.name = Objects.requireNonNull(name);
        this.website = website.orElse(null);
        this.redirectUris = String.join("\n", redirectUris);
        this.scopes = scopes.text();
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether {@code secret} is this app's secret (compared by hash, in constant time). */
    public boolean hasSecret(String secret) {
        return secret != null
                && MessageDigest.isEqual(
                        Secrets.hash(secret).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        clientSecretHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Whether the consent page may send a person back to {@code uri}: exactly one of the registered addresses. */
    public boolean allowsRedirectTo(String uri) {
        return getRedirectUris().contains(uri);
    }

    public Long getId() {
        return id;
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public Optional<String> getWebsite() {
        return Optional.ofNullable(website);
    }

    public List<String> getRedirectUris() {
        return Arrays.asList(redirectUris.split("\n"));
    }

    public Scopes getScopes() {
        return Scopes.parse(scopes).orElse(Scopes.DEFAULT);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
