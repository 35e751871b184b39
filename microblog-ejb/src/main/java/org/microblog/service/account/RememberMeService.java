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
 * "Remember me", one series per device, kept in the database (table {@code remember_me_tokens}), so that
 * every instance of a cluster knows them and a user can end them all.
 *
 * <p>The cookie value is {@code selector.validator}, both random (SecureRandom) and URL-safe base64: the
 * selector names the device's series and finds its row, the validator proves the cookie; the row holds only
 * the validator's SHA-256, and the hashes are compared in constant time. Each validator is used once: {@link
 * #use(String)} rotates it in place (same selector, new validator), so that ending the row ends every cookie
 * the device was ever given; before, each use made a new row, and a sign-out deleted only the newest one, so
 * that a copy used first by a thief, or a replaced cookie still in its grace, outlived the sign-out. Because
 * the requests of one page load arrive together with the same cookie, the validator replaced less than {@link
 * #REPLACED_GRACE} ago still signs in (without another rotation).
 *
 * <p>A validator the series no longer accepts (the previous one after its grace, or any older or unknown one)
 * is what a stolen cookie looks like: the owner and the thief each used a copy, and whichever comes second
 * presents a validator the other one's use replaced. The service cannot tell which of them is the owner, so it
 * ends every remember-me token and every session of the user (a thief already signed in holds a session) and
 * logs a warning with the user's id and the selector, never a validator. A browser whose rotation answer was
 * lost (the tab closed mid-load) looks the same and is signed out everywhere too: rare, and only costs a
 * password.
 *
 * <p>Every method that reads or deletes a user's tokens locks that user's row first, in the same order as
 * {@link AccountService#changePassword} and {@link AccountService#endAllSessions}: a token used at the very
 * moment its user changes the password either finishes first (and its series is deleted with the others) or
 * finds itself deleted; two requests with the same cookie run one after the other, so one rotates and the
 * other finds the validator just replaced.
 *
 * <p>A user's expired rows are deleted whenever that user is issued a token or uses one, under the user's lock
 * and through the index on {@code user_id}: cheap, and it keeps every user's rows to one per device. The
 * expired rows of a user who never returns stay, harmless (a hash of a validator that no longer signs anyone
 * in); a sweep across all users would lock rows that sign-ins hold, out of their order.
 */
@Stateless
public class RememberMeService {

    /** How long a replaced validator still signs in: the parallel requests of one page load all carry it. */
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
     * A new series for one device of {@code userId}, valid for {@code microblog.remember-me.days} days (default
     * 14) after its last use; the user's expired series are deleted on the way.
     *
     * @return the cookie value, {@code selector.validator}
     * @throws UserNotFoundException if there is no such user
     */
    public String issue(long userId) {
        lockUser(userId).orElseThrow(() -> new UserNotFoundException("#" + userId));
        Instant now = clock.instant();
        deleteExpired(userId, now);
        String selector = random(SELECTOR_BYTES);
        String validator = random(VALIDATOR_BYTES);
        em.persist(new RememberMeToken(userId, selector, validator, now, expiryFrom(now)));
        return selector + "." + validator;
    }

    /**
     * Signs in with a cookie value and rotates its validator. Anything that is not the current validator of an
     * unexpired series of an existing user, nor its previous one within the grace (null, malformed, huge,
     * unknown, expired), gives empty, never an exception; a validator the series no longer accepts also ends
     * every token and session of its user (see the class comment).
     *
     * @return the user, with the new cookie value; or the user without one for a validator replaced moments ago
     */
    public Optional<RememberedSignIn> use(String cookieValue) {
        Optional<Presented> found = CookieValue.parse(cookieValue).flatMap(this::lockSeries);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Presented presented = found.get();
        RememberMeToken token = presented.token();
        Instant now = clock.instant();
        return switch (token.standingOf(presented.validator(), now, REPLACED_GRACE)) {
            case CURRENT -> {
                deleteExpired(token.getUserId(), now); // before the change below: a bulk delete bypasses it
                String validator = random(VALIDATOR_BYTES);
                token.rotate(validator, now, expiryFrom(now));
                yield Optional.of(
                        new RememberedSignIn(token.getUserId(), Optional.of(token.getSelector() + "." + validator)));
            }
            case JUST_REPLACED -> Optional.of(new RememberedSignIn(token.getUserId(), Optional.empty()));
            case EXPIRED -> {
                em.remove(token);
                LOG.fine(() -> "Refused expired " + token);
                yield Optional.empty();
            }
            case STOLEN -> {
                endEverything(presented.user(), token);
                yield Optional.empty();
            }
        };
    }

    /**
     * Signing out on one device: deletes the series of this cookie value, so that no cookie it ever had signs
     * in again, whichever validator of it the browser holds: the current one, the one just replaced (a copy that
     * a thief used first rotated it), or an expired one. A validator the series no longer accepts is a stolen
     * series, as in {@link #use}: every token and session of the user ends. Anything else changes nothing.
     */
    public void forget(String cookieValue) {
        Optional<Presented> found = CookieValue.parse(cookieValue).flatMap(this::lockSeries);
        if (found.isEmpty()) {
            return;
        }
        Presented presented = found.get();
        RememberMeToken token = presented.token();
        if (token.standingOf(presented.validator(), clock.instant(), REPLACED_GRACE)
                == RememberMeToken.Standing.STOLEN) {
            endEverything(presented.user(), token);
        } else {
            em.remove(token);
        }
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

    /**
     * A stolen series: its user's sessions end (the credentials version goes up, as "sign out everywhere" does)
     * and so do all their tokens. The user row is locked already.
     */
    private void endEverything(User user, RememberMeToken stolen) {
        user.endAllSessions();
        forgetAll(user.getId());
        LOG.warning(() -> "Remember-me series " + stolen.getSelector() + " of user #" + user.getId()
                + " presented with a validator it no longer accepts, as a copied cookie is: every remember-me"
                + " token and session of the user ended");
    }

    /** Expiry slides: every use keeps the device remembered for the configured days from then. */
    private Instant expiryFrom(Instant now) {
        return now.plus(Duration.ofDays(days));
    }

    private void deleteExpired(long userId, Instant now) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<RememberMeToken> delete = cb.createCriteriaDelete(RememberMeToken.class);
        Root<RememberMeToken> token = delete.from(RememberMeToken.class);
        delete.where(
                cb.equal(token.get(RememberMeToken_.userId), userId),
                cb.lessThanOrEqualTo(token.get(RememberMeToken_.expiresAt), now));
        em.createQuery(delete).executeUpdate();
    }

    /**
     * The series a cookie value names, with its user: the user's row is locked first, then the series row, both
     * until the end of the transaction; empty if either does not exist.
     */
    private Optional<Presented> lockSeries(CookieValue cookie) {
        Optional<User> user = ownerOf(cookie.selector()).flatMap(this::lockUser);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return findBySelector(cookie.selector(), LockModeType.PESSIMISTIC_WRITE)
                .map(token -> new Presented(user.get(), token, cookie.validator()));
    }

    /** The user's row, locked until the end of the transaction; empty if there is no such user. */
    private Optional<User> lockUser(long userId) {
        return Optional.ofNullable(em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Whose series this selector is, read without loading (or locking) the row. */
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

    /** A series as a cookie presented it: the locked user and row, and the validator the cookie carried. */
    private record Presented(User user, RememberMeToken token, String validator) {

        /** Never shows the validator. */
        @Override
        public String toString() {
            return "Presented[" + token + "]";
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return BASE64_URL.encodeToString(value);
    }

    /** A cookie value taken apart; only the exact shape {@link #issue} makes is accepted. */
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
