package org.microblog.service.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.microblog.domain.account.RememberMeToken;
import org.microblog.domain.account.RememberMeToken_;
import org.microblog.domain.user.User;

/**
 * "Remember me", one token per device, kept in the database (table {@code remember_me_tokens}), so that
 * every instance of a cluster knows them and a user can end them all.
 *
 * <p>The cookie value is {@code selector.validator}, both random (SecureRandom) and URL-safe base64: the
 * selector finds the row, the validator proves the cookie; the row holds only the validator's SHA-256, and
 * the hashes are compared in constant time. Each token is used once: {@link #use(String)} replaces it with a
 * new one, so a stolen cookie stops working as soon as either side uses it. Because the requests of one page
 * load arrive together with the same cookie, a token replaced less than {@link #REPLACED_GRACE} ago still
 * signs in (without a new replacement); after that it is refused.
 *
 * <p>Every method that reads or deletes a user's tokens locks that user's row first, in the same order as
 * {@link AccountService#changePassword} and {@link AccountService#endAllSessions}: a token used at the very
 * moment its user changes the password either finishes first (and its replacement is deleted with the
 * others) or finds itself deleted.
 *
 * <p>A user's spent rows (expired, or replaced longer ago than the grace) are deleted whenever that user is
 * issued a token or uses one, under the user's lock and through the index on {@code user_id}: cheap, and it
 * keeps every user's rows to about one per device. The spent rows of a user who never returns stay, harmless
 * (a hash of a validator that no longer signs anyone in); a sweep across all users would lock rows that
 * sign-ins hold, out of their order.
 */
@Stateless
public class RememberMeService {

    /** How long a replaced token still signs in: the parallel requests of one page load all carry it. */
    public static final Duration REPLACED_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(RememberMeService.class.getName());
    private static final int SELECTOR_BYTES = 18; // 24 characters
    private static final int VALIDATOR_BYTES = 32; // 43 characters, 256 bits
    private static final Pattern COOKIE_VALUE = Pattern.compile("([A-Za-z0-9_-]{24})\\.([A-Za-z0-9_-]{43})");
    private static final int COOKIE_VALUE_LENGTH = 24 + 1 + 43;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "microblog.remember-me.days", defaultValue = "14")
    int days;

    Clock clock = Clock.systemUTC();

    /**
     * A new token for one device of {@code userId}, valid for {@code microblog.remember-me.days} days (default
     * 14); the user's spent tokens are deleted on the way.
     *
     * @return the cookie value, {@code selector.validator}
     * @throws UserNotFoundException if there is no such user
     */
    public String issue(long userId) {
        lockUser(userId).orElseThrow(() -> new UserNotFoundException("#" + userId));
        Instant now = clock.instant();
        deleteSpent(userId, now);
        return create(userId, now);
    }

    /**
     * Signs in with a cookie value and replaces the token. Anything that is not a valid, unexpired token of
     * an existing user (null, malformed, huge, unknown, wrong validator, expired, replaced longer ago than
     * the grace) gives empty, never an exception.
     *
     * @return the user, with the new cookie value; or the user without one for a token replaced moments ago
     */
    public Optional<RememberedSignIn> use(String cookieValue) {
        Optional<CookieValue> parsed = CookieValue.parse(cookieValue);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String selector = parsed.get().selector();
        Optional<Long> owner = ownerOf(selector);
        if (owner.isEmpty() || lockUser(owner.get()).isEmpty()) {
            return Optional.empty();
        }
        Optional<RememberMeToken> found = findBySelector(selector, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty() || !found.get().hasValidator(parsed.get().validator())) {
            return Optional.empty();
        }
        RememberMeToken token = found.get();
        Instant now = clock.instant();
        return switch (token.standingAt(now, REPLACED_GRACE)) {
            case CURRENT -> {
                deleteSpent(token.getUserId(), now); // before the change below: a bulk delete bypasses it
                token.replaceAt(now);
                yield Optional.of(new RememberedSignIn(token.getUserId(), Optional.of(create(token.getUserId(), now))));
            }
            case JUST_REPLACED -> Optional.of(new RememberedSignIn(token.getUserId(), Optional.empty()));
            case SPENT -> {
                em.remove(token);
                LOG.fine(() -> "Refused spent " + token);
                yield Optional.empty();
            }
        };
    }

    /** Deletes the token of this cookie value (signing out on one device); anything else changes nothing. */
    public void forget(String cookieValue) {
        CookieValue.parse(cookieValue)
                .flatMap(parsed -> findBySelector(parsed.selector(), LockModeType.NONE)
                        .filter(token -> token.hasValidator(parsed.validator())))
                .ifPresent(em::remove);
    }

    /** Deletes every token of {@code userId}: no device stays remembered. */
    public void forgetAll(long userId) {
        lockUser(userId);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<RememberMeToken> delete = cb.createCriteriaDelete(RememberMeToken.class);
        Root<RememberMeToken> token = delete.from(RememberMeToken.class);
        delete.where(cb.equal(token.get(RememberMeToken_.userId), userId));
        int deleted = em.createQuery(delete).executeUpdate();
        LOG.fine(() -> "Forgot " + deleted + " remember-me tokens of user #" + userId);
    }

    private String create(long userId, Instant now) {
        String selector = random(SELECTOR_BYTES);
        String validator = random(VALIDATOR_BYTES);
        em.persist(new RememberMeToken(userId, selector, validator, now, now.plus(Duration.ofDays(days))));
        return selector + "." + validator;
    }

    private void deleteSpent(long userId, Instant now) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<RememberMeToken> delete = cb.createCriteriaDelete(RememberMeToken.class);
        Root<RememberMeToken> token = delete.from(RememberMeToken.class);
        delete.where(
                cb.equal(token.get(RememberMeToken_.userId), userId),
                cb.or(
                        cb.lessThanOrEqualTo(token.get(RememberMeToken_.expiresAt), now),
                        cb.lessThanOrEqualTo(token.get(RememberMeToken_.replacedAt), now.minus(REPLACED_GRACE))));
        em.createQuery(delete).executeUpdate();
    }

    /** The user's row, locked until the end of the transaction; empty if there is no such user. */
    private Optional<User> lockUser(long userId) {
        return Optional.ofNullable(em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Whose token this selector is, read without loading (or locking) the token. */
    private Optional<Long> ownerOf(String selector) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<RememberMeToken> token = query.from(RememberMeToken.class);
        query.select(token.get(RememberMeToken_.userId))
                .where(cb.equal(token.get(RememberMeToken_.selector), selector));
        return em.createQuery(query).getResultStream().findFirst();
    }

    private Optional<RememberMeToken> findBySelector(String selector, LockModeType lock) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<RememberMeToken> query = cb.createQuery(RememberMeToken.class);
        Root<RememberMeToken> token = query.from(RememberMeToken.class);
        query.select(token).where(cb.equal(token.get(RememberMeToken_.selector), selector));
        return em.createQuery(query).setLockMode(lock).getResultStream().findFirst();
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return BASE64_URL.encodeToString(value);
    }

    /** A cookie value taken apart; only the exact shape {@link #create} makes is accepted. */
    private record CookieValue(String selector, String validator) {

        static Optional<CookieValue> parse(String value) {
            if (value == null || value.length() != COOKIE_VALUE_LENGTH) {
                return Optional.empty();
            }
            Matcher parts = COOKIE_VALUE.matcher(value);
            return parts.matches() ? Optional.of(new CookieValue(parts.group(1), parts.group(2))) : Optional.empty();
        }

        /** Never shows the validator. */
        @Override
        public String toString() {
            return "CookieValue[" + selector + "]";
        }
    }
}
