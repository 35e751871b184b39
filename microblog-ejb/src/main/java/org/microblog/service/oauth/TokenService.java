package org.microblog.service.oauth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.microblog.domain.oauth.AccessToken;
import org.microblog.domain.oauth.AuthorizationCode;
import org.microblog.domain.oauth.OAuthApp;
import org.microblog.domain.oauth.Scopes;
import org.microblog.domain.oauth.Secrets;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;

/**
 * Codes and access tokens. A code is what the consent page gives an app for a person who said yes; the app
 * exchanges it once for a token. A token acts for that person with the scopes they granted, until revoked or until
 * the person's credentials change (a password change, "sign out everywhere"); an app's own token (client
 * credentials) acts for nobody.
 */
@Stateless
public class TokenService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    /**
     * A code for {@code app} to act for {@code userId} with {@code scopes}, given back at {@code redirectUri} (which
     * the caller checked is one of the app's), tied to a PKCE challenge when the app sent one.
     */
    public String issueCode(
            OAuthApp app, long userId, String redirectUri, Scopes scopes, Optional<String> codeChallenge) {
        User user = accounts.getById(userId);
        String code = Secrets.newSecret();
        em.persist(new AuthorizationCode(
                code,
                em.find(OAuthApp.class, app.getId()),
                userId,
                user.getCredentialsVersion(),
                redirectUri,
                scopes,
                codeChallenge,
                Instant.now(Clock.systemUTC())));
        return code;
    }

    /**
     * The token for a code; empty (OAuth's invalid_grant) if the code is unknown, used, expired, another app's or
     * another address's, the verifier does not match its challenge, or the person's credentials changed since. The
     * code is used up either way, so a guess at the verifier gets one try: hence an empty answer rather than an
     * exception, which would roll the deletion back.
     */
    public Optional<NewSecret<AccessToken>> exchange(OAuthApp app, String code, String redirectUri, String verifier) {
        Optional<AuthorizationCode> found = em.createQuery(
                        "SELECT c FROM AuthorizationCode c WHERE c.codeHash = :hash", AuthorizationCode.class)
                .setParameter("hash", Secrets.hash(code == null ? "" : code))
                .getResultStream()
                .findFirst();
        found.ifPresent(spent -> {
            em.remove(spent);
            em.flush();
        });
        return found.filter(grant -> grant.redeemableBy(app, redirectUri, verifier, Instant.now(Clock.systemUTC())))
                .filter(grant -> accounts.findById(grant.getUserId())
                        .filter(user -> user.getCredentialsVersion() == grant.getCredentialsVersion())
                        .isPresent())
                .map(grant -> newToken(
                        grant.getApp(),
                        Optional.of(grant.getUserId()),
                        grant.getCredentialsVersion(),
                        grant.getScopes()));
    }

    /** The app's own token, acting for nobody (OAuth's client_credentials grant). */
    public NewSecret<AccessToken> forApp(OAuthApp app, Scopes scopes) {
        return newToken(em.find(OAuthApp.class, app.getId()), Optional.empty(), 0, scopes);
    }

    /** The token with this value, if it still stands: known, and its person's credentials unchanged since. */
    public Optional<AccessToken> authenticate(String token) {
        return bearer(token).map(Bearer::token);
    }

    /** A token that still stands, and how many people its person follows (0 for an app's own token). */
    public record Bearer(AccessToken token, long followingCount) {}

    /**
     * {@link #authenticate}, with the following count that the home timeline plans by, for the API's calls: the token
     * and its person's row in one query.
     */
    public Optional<Bearer> bearer(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("""
                        SELECT t, u.credentialsVersion, u.followingCount
                        FROM AccessToken t LEFT JOIN User u ON u.id = t.userId
                        WHERE t.tokenHash = :hash""", Object[].class)
                .setParameter("hash", Secrets.hash(token))
                .getResultStream()
                .findFirst()
                .flatMap(TokenService::standing);
    }

    /** A token row with its person's credentials version and following count (both null for an app's own token). */
    private static Optional<Bearer> standing(Object[] row) {
        AccessToken token = (AccessToken) row[0];
        if (token.getUserId().isEmpty()) {
            return Optional.of(new Bearer(token, 0));
        }
        // a person deleted since has no row: the token stands no more
        boolean stands = row[1] instanceof Long version && version == token.getCredentialsVersion();
        return stands ? Optional.of(new Bearer(token, (Long) row[2])) : Optional.empty();
    }

    /** Ends a token of {@code app}; a token that is unknown or another app's is left alone (RFC 7009 answers 200). */
    public void revoke(OAuthApp app, String token) {
        authenticate(token)
                .filter(found -> found.getApp().getId().equals(app.getId()))
                .ifPresent(em::remove);
    }

    /** Ends one of the person's tokens (their Apps page); another person's token is left alone. */
    public void revokeFor(long userId, long tokenId) {
        Optional.ofNullable(em.find(AccessToken.class, tokenId))
                .filter(token ->
                        token.getUserId().filter(owner -> owner == userId).isPresent())
                .ifPresent(em::remove);
    }

    /** The apps a person has given access, with their tokens, newest first. */
    public List<AccessToken> tokensOf(long userId) {
        return em.createQuery(
                        "SELECT t FROM AccessToken t JOIN FETCH t.app WHERE t.userId = :user ORDER BY t.createdAt DESC",
                        AccessToken.class)
                .setParameter("user", userId)
                .getResultList();
    }

    private NewSecret<AccessToken> newToken(
            OAuthApp app, Optional<Long> userId, long credentialsVersion, Scopes scopes) {
        String value = Secrets.newSecret();
        AccessToken token = new AccessToken(value, app, userId, credentialsVersion, scopes);
        em.persist(token);
        em.flush();
        return new NewSecret<>(token, value);
    }
}
