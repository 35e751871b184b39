package org.microblog.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.RememberMeCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.RememberMeIdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;

/**
 * "Remember me" without a token table: the cookie holds the user id and an expiry, signed with
 * HMAC-SHA256 over them and the user's current password hash. Changing the password therefore ends
 * every remembered sign-in; so does changing the key ({@code microblog.remember-me.secret}).
 * Signing out deletes the cookie in that browser.
 */
@Named
@ApplicationScoped
public class RememberMeTokens implements RememberMeIdentityStore {

    private static final Logger LOG = Logger.getLogger(RememberMeTokens.class.getName());
    private static final String HMAC = "HmacSHA256";
    private static final int MIN_SECRET_LENGTH = 32;

    @Inject
    AccountService accounts;

    @Inject
    @ConfigProperty(name = "microblog.remember-me.days", defaultValue = "14")
    int days;

    @Inject
    @ConfigProperty(name = "microblog.remember-me.secret", defaultValue = "")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "microblog.cookies.secure", defaultValue = "false")
    boolean secureOnly;

    Clock clock = Clock.systemUTC();
    private SecretKeySpec key;

    @PostConstruct
    void init() {
        byte[] bytes;
        if (secret.filter(s -> !s.isBlank()).isPresent()) {
            bytes = secret.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_LENGTH) {
                throw new IllegalStateException(
                        "microblog.remember-me.secret must hold at least " + MIN_SECRET_LENGTH + " characters");
            }
        } else {
            bytes = new byte[MIN_SECRET_LENGTH];
            new SecureRandom().nextBytes(bytes);
            LOG.info("microblog.remember-me.secret is not set: remembered sign-ins last until the server restarts");
        }
        key = new SecretKeySpec(bytes, HMAC);
    }

    public int getMaxAgeSeconds() {
        return (int) Duration.ofDays(days).toSeconds();
    }

    public boolean isSecureOnly() {
        return secureOnly;
    }

    @Override
    public String generateLoginToken(CallerPrincipal principal, Set<String> groups) {
        long userId = Long.parseLong(principal.getName());
        User user = accounts.getById(userId);
        long expires = clock.instant().plus(Duration.ofDays(days)).getEpochSecond();
        String payload = userId + "." + expires;
        return payload + "." + sign(payload, user.getPasswordHash());
    }

    @Override
    public CredentialValidationResult validate(RememberMeCredential credential) {
        return parse(credential.getToken())
                .map(token -> new CredentialValidationResult(String.valueOf(token), Set.of(AccountIdentityStore.USER)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public void removeLoginToken(String token) {
        // Nothing is stored: the browser deletes the cookie.
    }

    /** The user id a well-formed, correctly signed and unexpired token names, if that user still exists. */
    private Optional<Long> parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            long userId = Long.parseLong(parts[0]);
            long expires = Long.parseLong(parts[1]);
            if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return accounts.findById(userId)
                    .filter(user -> MessageDigest.isEqual(
                            sign(parts[0] + "." + parts[1], user.getPasswordHash())
                                    .getBytes(StandardCharsets.US_ASCII),
                            parts[2].getBytes(StandardCharsets.US_ASCII)))
                    .map(User::getId);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload, String passwordHash) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(payload.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] signature = mac.doFinal(passwordHash.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has " + HMAC, e);
        }
    }
}
