package org.microblog.service.account;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.SingularAttribute;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.microblog.domain.user.AboutMe;
import org.microblog.domain.user.EmailAddress;
import org.microblog.domain.user.NewPassword;
import org.microblog.domain.user.PasswordRules;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;
import org.microblog.domain.user.Username;
import org.microblog.service.MicroblogException;

/**
 * Accounts: registration, sign-in checks, passwords, ending sessions, profiles and finding users.
 *
 * <p>A password change and "sign out everywhere" raise the user's credentials version (see {@link
 * User#endAllSessions()}) and delete every remember-me token of the user, with the user's row locked first,
 * in the same order as {@link RememberMeService}.
 */
@Stateless
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @EJB
    RememberMeService rememberMe;

    @EJB
    PasswordResetService resets;

    /** For the container, which fills the fields above. */
    public AccountService() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public AccountService(EntityManager em, Passwords passwords, RememberMeService rememberMe) {
        this.em = em;
        this.passwords = passwords;
        this.rememberMe = rememberMe;
    }

    /**
     * Opens an account. Usernames are kept as typed and unique without regard to case, emails after trimming
     * and lower-casing. Of two registrations racing for one name (in any case) or one email, one opens the
     * account and the other gets the same refusal as a name taken long ago (the database's unique
     * constraints decide, see {@link TakenNames}). The parameters are checked by the constraints the pages use
     * (a violation is a {@code ConstraintViolationException}, nothing is hashed).
     *
     * @throws WeakPasswordException if the password contains the username or is the email
     * @throws UsernameTakenException if the username is in use
     * @throws EmailTakenException if the email is in use
     */
    public User register(@Username String username, @EmailAddress String email, @NewPassword String password) {
        String name = username.strip();
        if (PasswordRules.givesAway(password, name, email)) {
            throw new WeakPasswordException();
        }
        if (isUsernameTaken(name)) {
            throw new UsernameTakenException(name);
        }
        if (isEmailTaken(email)) {
            throw new EmailTakenException();
        }
        User user = new User(name, email, passwords.hash(password));
        em.persist(user);
        flushNames(name);
        LOG.info(() -> "Registered " + user);
        return user;
    }

    /** The user with these credentials, or empty; unknown users and wrong passwords take the same time. */
    public Optional<User> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<User> user = findByUsername(username);
        if (user.isEmpty()) {
            passwords.spendVerificationTime(password);
            return Optional.empty();
        }
        return user.filter(u -> passwords.matches(password, u.getPasswordHash()));
    }

    /** The user with this username in any case (John, JOHN and john are one name). */
    public Optional<User> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return findBy(User_.usernameKey, User.usernameKey(username));
    }

    /** The user with this email in any case, or empty. */
    public Optional<User> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return findBy(User_.emailKey, User.normalizeEmail(email));
    }

    /** @throws UserNotFoundException if there is no such user */
    public User getByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new UserNotFoundException(username));
    }

    public Optional<User> findById(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** Which of {@code ids} are users: one query for a whole list (the client API's relationships). */
    public Set<Long> existingAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<User> user = query.from(User.class);
        query.select(user.get(User_.id)).where(user.get(User_.id).in(Set.copyOf(ids)));
        return Set.copyOf(em.createQuery(query).getResultList());
    }

    /** @throws UserNotFoundException if there is no such user */
    public User getById(long id) {
        return findById(id).orElseThrow(() -> new UserNotFoundException("#" + id));
    }

    /** How many accounts the site has. */
    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    }

    /** Whether an account has this username, in any case. */
    public boolean isUsernameTaken(String username) {
        return exists(User_.usernameKey, User.usernameKey(username));
    }

    /** Whether an account has this email, in any case. */
    public boolean isEmailTaken(String email) {
        return exists(User_.emailKey, User.normalizeEmail(email));
    }

    /**
     * Changes the username and about-me of {@code userId}. Keeping one's own username, in any case, is
     * allowed. Of two renames (or a rename and a registration) racing for one name, one wins and the other
     * gets the same refusal as for a name taken long ago.
     *
     * @throws UsernameTakenException if another account has the new username
     */
    public User updateProfile(long userId, @Username String username, @AboutMe String aboutMe) {
        User user = getById(userId);
        String name = username.strip();
        if (!name.equalsIgnoreCase(user.getUsername()) && isUsernameTaken(name)) {
            throw new UsernameTakenException(name);
        }
        user.rename(name);
        user.describeAs(aboutMe);
        flushNames(name);
        return user;
    }

    /**
     * What a signed-in request needs about {@code userId}: id, username and credentials version, in one
     * primary-key read that loads no entity. Empty if there is no such user.
     */
    public Optional<SignedInUser> findSignedIn(long userId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<User> user = query.from(User.class);
        Path<String> username = user.get(User_.username);
        Path<Long> credentialsVersion = user.get(User_.credentialsVersion);
        Path<Integer> unread = user.get(User_.unreadNotifications);
        Path<Integer> unreadMessages = user.get(User_.unreadMessages);
        Path<Long> followingCount = user.get(User_.followingCount);
        query.multiselect(username, credentialsVersion, unread, unreadMessages, followingCount)
                .where(cb.equal(user.get(User_.id), userId));
        return em.createQuery(query)
                .getResultStream()
                .findFirst()
                .map(row -> new SignedInUser(
                        userId,
                        row.get(username),
                        row.get(credentialsVersion),
                        row.get(unread),
                        row.get(unreadMessages),
                        row.get(followingCount)));
    }

    /**
     * Changes the password of {@code userId} after checking the current one, and ends every session of the
     * user: the credentials version goes up and every remember-me token is deleted.
     *
     * @return the new credentials version, for the session that made the change and stays
     * @throws WrongPasswordException if {@code currentPassword} is not the user's password (nothing changes)
     * @throws WeakPasswordException if the new password contains the username or is the email (nothing changes)
     * @throws UserNotFoundException if there is no such user
     */
    public long changePassword(long userId, String currentPassword, @NewPassword String newPassword) {
        User user = lockUser(userId);
        if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
            throw new WrongPasswordException();
        }
        if (PasswordRules.givesAway(newPassword, user.getUsername(), user.getEmail())) {
            throw new WeakPasswordException();
        }
        user.changePasswordHash(passwords.hash(newPassword));
        rememberMe.forgetAll(userId);
        LOG.info(() -> "Password changed, every session ended: " + user);
        return user.getCredentialsVersion();
    }

    /**
     * Changes the email address of {@code userId} after checking the current password, since the address is where a
     * password reset link goes. Every reset link sent to the old address ends. Keeping one's own address, in any
     * case, changes nothing.
     *
     * @throws WrongPasswordException if {@code currentPassword} is not the user's password (nothing changes)
     * @throws EmailTakenException if another account has the address (also when it wins a race for it)
     * @throws UserNotFoundException if there is no such user
     */
    public void changeEmail(long userId, String currentPassword, @EmailAddress String newEmail) {
        User user = lockUser(userId);
        if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
            throw new WrongPasswordException();
        }
        if (User.normalizeEmail(newEmail).equals(user.getEmail())) {
            return;
        }
        if (isEmailTaken(newEmail)) {
            throw new EmailTakenException();
        }
        user.changeEmail(newEmail);
        flushNames(user.getUsername());
        resets.endLinksOf(userId);
        LOG.info(() -> "Email changed, open reset links ended: " + user);
    }

    /**
     * "Sign out everywhere": ends every session of {@code userId} on every device and server (the credentials
     * version goes up) and deletes every remember-me token of the user.
     *
     * @throws UserNotFoundException if there is no such user
     */
    public void endAllSessions(long userId) {
        User user = lockUser(userId);
        user.endAllSessions();
        rememberMe.forgetAll(userId);
        LOG.info(() -> "Every session ended: " + user);
    }

    /** Records that the user was active at {@code moment}. */
    public void recordSeen(long userId, Instant moment) {
        findById(userId).ifPresent(user -> user.seenAt(moment));
    }

    private User lockUser(long userId) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new UserNotFoundException("#" + userId);
        }
        return user;
    }

    /**
     * Writes the changes now rather than at commit, so that losing a race for {@code username} or an email
     * (a unique constraint) is the refusal the check before it gives, not a failed commit.
     */
    private void flushNames(String username) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            MicroblogException refusal = TakenNames.refusalFor(e, username).orElseThrow(() -> e);
            LOG.info(() -> "Lost the race for the name " + username + " or its email: " + refusal.messageKey());
            throw refusal;
        }
    }

    private boolean exists(SingularAttribute<User, String> attribute, String value) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<User> user = query.from(User.class);
        query.select(cb.count(user)).where(cb.equal(user.get(attribute), value));
        return em.createQuery(query).getSingleResult() > 0;
    }

    private Optional<User> findBy(SingularAttribute<User, String> attribute, String value) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<User> query = cb.createQuery(User.class);
        Root<User> user = query.from(User.class);
        query.select(user).where(cb.equal(user.get(attribute), value));
        return em.createQuery(query).getResultStream().findFirst();
    }
}
