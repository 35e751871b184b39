package org.microblog.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Root;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.microblog.domain.account.RememberMeToken;
import org.microblog.domain.account.RememberMeToken_;
import org.microblog.domain.export.PostExport;
import org.microblog.domain.export.PostExport_;
import org.microblog.domain.oauth.AuthorizationCode;
import org.microblog.domain.post.Post;
import org.microblog.domain.user.User;

/**
 * Test data, made straight through JPA so that setting up a user does not cost a real password hash.
 * Usernames get a unique suffix, so tests sharing the server's database never meet each other's data.
 */
@Stateless
public class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** Not a PBKDF2 hash: fixture users cannot sign in. */
    private static final String NO_PASSWORD = "fixture-user-without-password";

    @PersistenceContext
    EntityManager em;

    /** A new user named {@code name-N}, with the email {@code name-N@example.com}. */
    public User user(String name) {
        String username = name + "-" + SEQUENCE.incrementAndGet();
        User user = new User(username, username + "@example.com", NO_PASSWORD);
        em.persist(user);
        em.flush();
        return user;
    }

    /** A new user with exactly this username and email, persisted without any check of the service's. */
    public User userNamedExactly(String username, String email) {
        User user = new User(username, email, NO_PASSWORD);
        em.persist(user);
        em.flush();
        return user;
    }

    /** {@code count} posts by {@code author}, one a second from {@code newest} back, in one transaction; their ids, newest first. */
    public List<Long> posts(User author, int count, Instant newest) {
        User managed = em.find(User.class, author.getId());
        List<Post> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Post post = new Post(managed, "post " + i + " by " + author.getUsername(), newest.minusSeconds(i));
            em.persist(post);
            posts.add(post);
        }
        em.flush();
        countPosts(author, count);
        return posts.stream().map(Post::getId).toList();
    }

    public Post post(User author, String body, Instant at) {
        Post post = new Post(em.find(User.class, author.getId()), body, at);
        em.persist(post);
        em.flush();
        countPosts(author, 1);
        return post;
    }

    /** The author's post count, kept true as PostService keeps it. */
    private void countPosts(User author, int added) {
        em.createNativeQuery("UPDATE users SET posts_count = posts_count + ?1 WHERE id = ?2")
                .setParameter(1, added)
                .setParameter(2, author.getId())
                .executeUpdate();
    }

    /** Moves every OAuth code of {@code userId} {@code age} into the past, as if issued that long ago. */
    public void expireCodesOf(long userId, Duration age) {
        em.createNativeQuery("UPDATE oauth_codes SET expires_at = ?1 WHERE user_id = ?2")
                .setParameter(
                        1,
                        Timestamp.from(
                                Instant.now().plus(AuthorizationCode.LIFETIME).minus(age)))
                .setParameter(2, userId)
                .executeUpdate();
    }

    /** A password reset link of {@code user} as if mailed at {@code sentAt}; its token, as the mail holds it. */
    public String resetLink(User user, Instant sentAt) {
        String token = org.microblog.domain.oauth.Secrets.newSecret();
        em.persist(new org.microblog.domain.account.PasswordResetToken(
                token, user.getId(), user.getCredentialsVersion(), sentAt));
        return token;
    }

    /** Makes every remember-me token of {@code userId} expired a second ago. */
    public void expireRememberMeTokens(long userId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaUpdate<RememberMeToken> update = cb.createCriteriaUpdate(RememberMeToken.class);
        Root<RememberMeToken> token = update.from(RememberMeToken.class);
        update.set(token.get(RememberMeToken_.expiresAt), Instant.now().minusSeconds(1))
                .where(cb.equal(token.get(RememberMeToken_.userId), userId));
        em.createQuery(update).executeUpdate();
    }

    /**
     * Moves the last rotation of every rotated remember-me series of {@code userId} back by {@code time}: for the
     * service, whose clock is the system's, the validator it replaced was replaced that long ago.
     */
    public void backdateRotations(long userId, Duration time) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaUpdate<RememberMeToken> update = cb.createCriteriaUpdate(RememberMeToken.class);
        Root<RememberMeToken> token = update.from(RememberMeToken.class);
        update.set(token.get(RememberMeToken_.rotatedAt), Instant.now().minus(time))
                .where(
                        cb.equal(token.get(RememberMeToken_.userId), userId),
                        cb.isNotNull(token.get(RememberMeToken_.rotatedAt)));
        em.createQuery(update).executeUpdate();
    }

    /** Moves the last change of export {@code exportId} back by {@code time}, as if it had not moved since. */
    public void backdateExport(long exportId, Duration time) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaUpdate<PostExport> update = cb.createCriteriaUpdate(PostExport.class);
        Root<PostExport> export = update.from(PostExport.class);
        update.set(export.get(PostExport_.updatedAt), Instant.now().minus(time))
                .where(cb.equal(export.get(PostExport_.id), exportId));
        em.createQuery(update).executeUpdate();
    }

    /** Every column of every remember-me row of {@code userId}, as the database holds them (as text). */
    public List<List<String>> rememberMeRows(long userId) {
        List<?> rows = em.createNativeQuery("SELECT * FROM remember_me_tokens WHERE user_id = ?")
                .setParameter(1, userId)
                .getResultList();
        return rows.stream()
                .map(row -> Arrays.stream((Object[]) row).map(Objects::toString).toList())
                .toList();
    }
}
