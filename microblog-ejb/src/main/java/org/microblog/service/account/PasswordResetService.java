package org.microblog.service.account;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.microblog.domain.account.PasswordResetToken;
import org.microblog.domain.account.RememberMeToken;
import org.microblog.domain.user.NewPassword;
import org.microblog.domain.user.PasswordRules;
import org.microblog.domain.user.User;

/**
 * "Forgot your password?": a link by e-mail, and a new password through it.
 *
 * <p>Asking answers the same whether or not an account has the address, and in the same time: only the address's
 * throttle is counted here; finding the account, making the link and sending the mail happen afterwards, in the
 * background ({@link PasswordResetMails}). Using a link ({@link #reset}) sets the password as a password change
 * does (every session, remembered browser and app token of the account ends), deletes every link of the account,
 * and forgets the account's failed sign-ins, so that the person can sign in at once.
 */
@Stateless
public class PasswordResetService {

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    SignInThrottle throttle;

    @EJB
    PasswordResetMails mails;

    @EJB
    RememberMeService rememberMe;

    @Inject
    Passwords passwords;

    Clock clock = Clock.systemUTC();

    /**
     * Asks for a reset link for the account with {@code email}, for a person at {@code address} reading in {@code
     * language}; the link starts with {@code resetPage} ({@code https://site/reset-password}).
     *
     * @return empty when asked (whether or not an account has the address); otherwise how long the address must wait
     */
    public Optional<Duration> request(String email, String address, Locale language, URI resetPage) {
        Optional<Duration> wait = throttle.admitPasswordResetRequest(address);
        if (wait.isEmpty() && email != null && !email.isBlank()) {
            mails.sendLink(email, language, resetPage);
        }
        return wait;
    }

    /** Whether {@code token} may still set a password: a page shows its form only then. */
    public boolean isUsable(String token) {
        return find(token)
                .filter(row -> em.find(User.class, row.getUserId()) instanceof User user
                        && row.usableAt(clock.instant(), user.getCredentialsVersion()))
                .isPresent();
    }

    /**
     * Sets {@code newPassword} for the account of {@code token}.
     *
     * @return the username, to sign the person in
     * @throws ResetLinkInvalidException if the link is unknown, used, expired or from before a password change
     * @throws WeakPasswordException if the new password contains the username or is the email (the link stays)
     */
    public String reset(String token, @NewPassword String newPassword) {
        PasswordResetToken row = find(token).orElseThrow(ResetLinkInvalidException::new);
        User user = em.find(User.class, row.getUserId(), LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !row.usableAt(clock.instant(), user.getCredentialsVersion())) {
            throw new ResetLinkInvalidException();
        }
        if (PasswordRules.givesAway(newPassword, user.getUsername(), user.getEmail())) {
            throw new WeakPasswordException();
        }
        user.changePasswordHash(passwords.hash(newPassword));
        rememberMe.forgetAll(user.getId());
        endLinksOf(user.getId());
        throttle.recordSuccess(user.getUsername());
        LOG.info(() -> "Password reset by e-mail, every session ended: " + user);
        return user.getUsername();
    }

    /** Ends every reset link of {@code userId}: it was used, or the address it went to is no longer the account's. */
    public void endLinksOf(long userId) {
        em.createQuery("DELETE FROM PasswordResetToken t WHERE t.userId = :user")
                .setParameter("user", userId)
                .executeUpdate();
    }

    private Optional<PasswordResetToken> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM PasswordResetToken t WHERE t.tokenHash = :hash", PasswordResetToken.class)
                .setParameter("hash", RememberMeToken.hash(token))
                .getResultStream()
                .findFirst();
    }
}
