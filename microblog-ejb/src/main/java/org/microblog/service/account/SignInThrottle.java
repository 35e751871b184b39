package org.microblog.service.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Root;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.microblog.domain.account.Backoff;
import org.microblog.domain.account.RateLimit;
import org.microblog.domain.account.Throttle;
import org.microblog.domain.account.Throttle_;

/**
 * Slows down password guessing and mass sign-ups, in the manner of Mastodon's rack-attack rules.
 *
 * <ul>
 * <li>Every sign-in attempt counts against the client address: {@code microblog.throttle.sign-in.per-address}
 * (default 25) per {@code microblog.throttle.sign-in.window-seconds} (default 300) fixed window.</li>
 * <li>Failed sign-ins count against the account, the username lower-cased ({@link Locale#ROOT}) and stripped,
 * whether or not such an account exists (so the answers tell nobody which usernames exist): after
 * {@code microblog.throttle.sign-in.free-failures} (default 5) failures in a row, each further failure makes
 * the account wait {@link #FIRST_WAIT}, doubling with every failure, at most {@link #MAX_WAIT}. A success
 * clears them.</li>
 * <li>Every registration attempt counts against the client address:
 * {@code microblog.throttle.registration.per-address} (default 5) per
 * {@code microblog.throttle.registration.window-seconds} (default 1800).</li>
 * <li>Every "forgot your password?" request counts against the client address, and every e-mail it sends against
 * the account: {@code microblog.throttle.password-reset.per-address} (default 5) and
 * {@code microblog.throttle.password-reset.per-account} (default 3) per
 * {@code microblog.throttle.password-reset.window-seconds} (default 3600).</li>
 * <li>Every private message counts against its sender: {@code microblog.throttle.messages.per-sender} (default 30)
 * per {@code microblog.throttle.messages.window-seconds} (default 300).</li>
 * </ul>
 *
 * <p>The state is in the database (table {@code throttles}), so that every instance of a cluster counts the
 * same attempts. Each change locks its key's row ({@code PESSIMISTIC_WRITE}); the first attempt for a key
 * makes the row in a transaction of its own ({@link ThrottleRows}) and, when another request made it first,
 * locks that one instead. The caller asks before it checks a password, so a refused attempt costs no hash.
 */
@Stateless
public class SignInThrottle {

    /** The wait after the first failure beyond the free ones. */
    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    /** The longest an account ever waits after failures: a person who forgot the password is not locked out. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
    private static final String SIGN_IN_ADDRESS = "sign-in-address";
    private static final String SIGN_IN_ACCOUNT = "sign-in-account";
    private static final String REGISTRATION_ADDRESS = "registration-address";
    private static final String RESET_ADDRESS = "reset-address";
    private static final String RESET_ACCOUNT = "reset-account";
    private static final String MESSAGE_SENDER = "message-sender";
    /** Longer values (no real address or username is) are keyed by their SHA-256, to fit the column. */
    private static final int LONGEST_PLAIN_VALUE = 100;

    @PersistenceContext
    EntityManager em;

    @EJB
    ThrottleRows rows;

    @Inject
    @ConfigProperty(name = "microblog.throttle.sign-in.per-address", defaultValue = "25")
    int signInsPerAddress;

    @Inject
    @ConfigProperty(name = "microblog.throttle.sign-in.window-seconds", defaultValue = "300")
    long signInWindowSeconds;

    @Inject
    @ConfigProperty(name = "microblog.throttle.sign-in.free-failures", defaultValue = "5")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "microblog.throttle.registration.per-address", defaultValue = "5")
    int registrationsPerAddress;

    @Inject
    @ConfigProperty(name = "microblog.throttle.registration.window-seconds", defaultValue = "1800")
    long registrationWindowSeconds;

    @Inject
    @ConfigProperty(name = "microblog.throttle.password-reset.per-address", defaultValue = "5")
    int resetsPerAddress;

    @Inject
    @ConfigProperty(name = "microblog.throttle.password-reset.per-account", defaultValue = "3")
    int resetsPerAccount;

    @Inject
    @ConfigProperty(name = "microblog.throttle.password-reset.window-seconds", defaultValue = "3600")
    long resetWindowSeconds;

    @Inject
    @ConfigProperty(name = "microblog.throttle.messages.per-sender", defaultValue = "30")
    int messagesPerSender;

    @Inject
    @ConfigProperty(name = "microblog.throttle.messages.window-seconds", defaultValue = "300")
    long messageWindowSeconds;

    Clock clock = Clock.systemUTC();

    private RateLimit signInLimit;
    private RateLimit registrationLimit;
    private RateLimit resetAddressLimit;
    private RateLimit resetAccountLimit;
    private RateLimit messageLimit;
    private Backoff backoff;

    @PostConstruct
    void configure() {
        signInLimit = RateLimit.perSeconds(signInsPerAddress, signInWindowSeconds);
        registrationLimit = RateLimit.perSeconds(registrationsPerAddress, registrationWindowSeconds);
        resetAddressLimit = RateLimit.perSeconds(resetsPerAddress, resetWindowSeconds);
        resetAccountLimit = RateLimit.perSeconds(resetsPerAccount, resetWindowSeconds);
        messageLimit = RateLimit.perSeconds(messagesPerSender, messageWindowSeconds);
        backoff = new Backoff(freeFailures, FIRST_WAIT, MAX_WAIT);
    }

    /**
     * Counts a sign-in attempt from {@code address} for {@code username}, before any password is checked.
     *
     * @return empty to go ahead; otherwise how long to wait, the longer of the address's and the account's
     */
    public Optional<Duration> admitSignIn(String address, String username) {
        Instant now = clock.instant();
        Optional<Duration> addressWait =
                lock(addressKey(SIGN_IN_ADDRESS, address), now).countAttempt(signInLimit, now);
        Optional<Duration> accountWait = Optional.ofNullable(em.find(Throttle.class, accountKey(username)))
                .flatMap(t -> t.waitAt(now));
        return longer(addressWait, accountWait);
    }

    /** Records a failed sign-in for {@code username} (known or not): one more failure in a row. */
    public void recordFailure(String username) {
        Instant now = clock.instant();
        Throttle account = lock(accountKey(username), now);
        account.recordFailure(backoff, now);
        LOG.fine(() -> "Failed sign-in: " + account);
    }

    /** Records a successful sign-in for {@code username}: its failures are forgotten. */
    public void recordSuccess(String username) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<Throttle> delete = cb.createCriteriaDelete(Throttle.class);
        Root<Throttle> throttle = delete.from(Throttle.class);
        delete.where(cb.equal(throttle.get(Throttle_.key), accountKey(username)));
        em.createQuery(delete).executeUpdate();
    }

    /**
     * Counts a registration attempt from {@code address}.
     *
     * @return empty to go ahead; otherwise how long until the address may try again
     */
    public Optional<Duration> admitRegistration(String address) {
        Instant now = clock.instant();
        return lock(addressKey(REGISTRATION_ADDRESS, address), now).countAttempt(registrationLimit, now);
    }

    /**
     * Counts a "forgot your password?" request from {@code address}, whatever address it names.
     *
     * @return empty to go ahead; otherwise how long until the address may ask again
     */
    public Optional<Duration> admitPasswordResetRequest(String address) {
        Instant now = clock.instant();
        return lock(addressKey(RESET_ADDRESS, address), now).countAttempt(resetAddressLimit, now);
    }

    /** Counts a reset e-mail to the account {@code userId}: whether it may be sent now. */
    public boolean admitPasswordResetMail(long userId) {
        Instant now = clock.instant();
        return lock(key(RESET_ACCOUNT, String.valueOf(userId)), now)
                .countAttempt(resetAccountLimit, now)
                .isEmpty();
    }

    /**
     * Counts a private message from {@code senderId}.
     *
     * @return empty to send it; otherwise how long until the sender may send again
     */
    public Optional<Duration> admitMessage(long senderId) {
        Instant now = clock.instant();
        return lock(key(MESSAGE_SENDER, String.valueOf(senderId)), now).countAttempt(messageLimit, now);
    }

    /**
     * Deletes the rows nobody touched for {@link Throttle#MEMORY} (a day, longer than any window or wait);
     * how many. Run by {@code AccountHousekeeping}.
     */
    public int forgetStale() {
        Instant now = clock.instant();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<Throttle> delete = cb.createCriteriaDelete(Throttle.class);
        Root<Throttle> throttle = delete.from(Throttle.class);
        delete.where(cb.lessThanOrEqualTo(throttle.get(Throttle_.updatedAt), now.minus(Throttle.MEMORY)));
        return em.createQuery(delete).executeUpdate();
    }

    /** The row of {@code key}, locked for this transaction; made first if the key is new. */
    private Throttle lock(String key, Instant now) {
        Throttle throttle = em.find(Throttle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null) {
            return throttle;
        }
        try {
            if (!rows.create(key, now)) {
                LOG.fine(() -> "Throttle row " + key + " was made by another request");
            }
        } catch (EJBException e) {
            LOG.fine(() -> "Throttle row " + key + " was made by another request: " + e);
        }
        throttle = em.find(Throttle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throw new IllegalStateException("The throttle row " + key + " could neither be found nor made");
        }
        return throttle;
    }

    private static String addressKey(String kind, String address) {
        return key(kind, Objects.requireNonNull(address, "address").strip());
    }

    private static String accountKey(String username) {
        return key(SIGN_IN_ACCOUNT, username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String key(String kind, String value) {
        return value.length() <= LONGEST_PLAIN_VALUE ? kind + ":" + value : kind + "#" + sha256(value);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }
}
