package org.microblog.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.microblog.domain.text.TextRules;

/**
 * A person with an account. Users follow each other through the self-referential many-to-many
 * {@link #following} over the {@code followers} join table, as in the Flask Mega-Tutorial.
 *
 * <p>Every user also holds a link to themself in that table (created with the user). It makes the home
 * timeline one plain join from the join table to the posts, "posts by everyone I follow, me included",
 * which every database answers with per-author index ranges. The self-link is an implementation detail:
 * {@link #getFollowing()}, {@link #getFollowers()}, {@link #isFollowing(User)} and every count leave it
 * out, and it cannot be removed with {@link #unfollow(Follow)}.
 *
 * <p>The {@code @ManyToMany} mapping is for reading ({@link #getFollowing()}, {@link #isFollowing(User)}),
 * as the links were when first read in a persistence context. A follow is written as its own row, a {@link
 * Follow}: {@link #follow(User)} returns the new link and {@link #unfollow(Follow)} takes the one to remove,
 * so that neither loads everyone a user follows (thousands for the heaviest users). The only link written
 * through the mapping is a new user's self-link, into a set that is still empty.
 *
 * <p>The user row also keeps how many users this user follows and is followed by, so that the numbers on
 * a profile are one primary-key read even for users with tens of thousands of followers. {@link
 * #follow(User)} and {@link #unfollow(Follow)} change them with the link; whoever calls them with managed
 * entities must hold both users' rows locked (as FollowService does), or concurrent follows of the same
 * user could lose an update.
 */
@Entity
@Table(name = "users")
public class User {

    public static final int USERNAME_MAX = 64;
    public static final int EMAIL_MAX = 120;
    /** The most characters an about-me holds, counted as Unicode code points (see TextRules). */
    public static final int ABOUT_ME_MAX = 140;
    /** The about_me column's length: Derby counts UTF-16 units, two for an emoji (migration V8). */
    public static final int ABOUT_ME_COLUMN_LENGTH = 2 * ABOUT_ME_MAX;

    public static final int PASSWORD_HASH_MAX = 255;
    /** Letters, digits, '_', '.' and '-', not starting with '.' or '-': safe in {@code /user/{name}} URLs. */
    public static final String USERNAME_PATTERN = "[A-Za-z0-9_][A-Za-z0-9_.-]*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Username
    @Column(name = "username", nullable = false, length = USERNAME_MAX)
    private String username;

    /**
     * The username as it is compared: {@link #usernameKey(String)}. The database computes the column from
     * {@code username} and keeps it unique (migration V9), so that John and john cannot both exist even when
     * two registrations race; JPA never writes it, and this field only mirrors it for the entity in memory.
     */
    @Column(name = "username_key", insertable = false, updatable = false, length = USERNAME_MAX)
    private String usernameKey;

    @EmailAddress
    @Column(name = "email", nullable = false, length = EMAIL_MAX)
    private String email;

    /** The email lower-cased, computed and kept unique by the database like {@link #usernameKey}. */
    @Column(name = "email_key", insertable = false, updatable = false, length = EMAIL_MAX)
    private String emailKey;

    @NotNull
    @Size(max = PASSWORD_HASH_MAX)
    @Column(name = "password_hash", nullable = false, length = PASSWORD_HASH_MAX)
    private String passwordHash;

    @AboutMe
    @Column(name = "about_me", length = ABOUT_ME_COLUMN_LENGTH)
    private String aboutMe;

    @Column(name = "last_seen")
    private Instant lastSeen;

    @Column(name = "followers_count", nullable = false)
    private long followersCount;

    @Column(name = "following_count", nullable = false)
    private long followingCount;

    /** Raised whenever every session of this user must end; a session signed in at an older version is over. */
    @Column(name = "credentials_version", nullable = false)
    private long credentialsVersion;

    /**
     * How many of this user's notifications are unread: read with the user row, written only by
     * NotificationService with an atomic UPDATE (never through this entity), so JPA never writes it.
     */
    @Column(name = "unread_notifications", insertable = false, updatable = false)
    private int unreadNotifications;

    /** Unread private messages; like unread_notifications, written only by MessageService's UPDATE statements. */
    @Column(name = "unread_messages", insertable = false, updatable = false)
    private int unreadMessages;

    /** When the account was made, to the millisecond (migration V16 gave older accounts their first post's time). */
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /**
     * How many posts this user has: read with the user row, written only by PostService with an atomic UPDATE in the
     * transaction that publishes or deletes a post (never through this entity), so JPA never writes it.
     */
    @Column(name = "posts_count", insertable = false, updatable = false)
    private long postsCount;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "followers",
            joinColumns = @JoinColumn(name = "follower_id", referencedColumnName = "id"),
            inverseJoinColumns = @JoinColumn(name = "followed_id", referencedColumnName = "id"))
    private Set<User> following = new HashSet<>();

    @ManyToMany(mappedBy = "following", fetch = FetchType.LAZY)
    private Set<User> followers = new HashSet<>();

    protected User() {
        // for JPA
    }

    /**
     * A new user. The email is kept trimmed and lower-cased, so that uniqueness and the avatar do not
     * depend on how it was typed.
     */
    @SuppressWarnings("this-escape") // the self-link only stores the reference
    public User(String username, String email, String passwordHash) {
        this.username = requireText(username, "username");
        this.usernameKey = usernameKey(this.username);
        this.email = normalizeEmail(requireText(email, "email"));
        this.emailKey = this.email;
        this.passwordHash = requireText(passwordHash, "passwordHash");
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.following.add(this);
    }

    /** The form in which emails are stored and compared. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The form in which usernames are compared, whatever their case: John, JOHN and john are one name.
     * Usernames are ASCII ({@link #USERNAME_PATTERN}), where this agrees with the database's {@code LOWER}
     * (computing {@code username_key}) as long as the database's locale is not Turkish.
     */
    public static String usernameKey(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Starts following {@code other}: raises this user's following count and {@code other}'s followers count
     * and returns the new link, which the caller persists. It does not look at the links already there, since
     * that would load everyone this user follows: the caller must know that this user does not follow {@code
     * other} yet (FollowService reads the link by its key, with both users' rows locked).
     *
     * @throws IllegalArgumentException for {@code other} being this user: the self-link is not a follow
     */
    public Follow follow(User other) {
        requireOther(other);
        followingCount++;
        other.followersCount++;
        return new Follow(this, other);
    }

    /**
     * Stops following the user {@code link} leads to: lowers both counts. The caller removes the link, which it
     * has just read (so it exists); this user's followings are not loaded.
     *
     * @throws IllegalArgumentException for a link of another follower, or the self-link
     */
    public void unfollow(Follow link) {
        Objects.requireNonNull(link, "link");
        if (!equals(link.getFollower())) {
            throw new IllegalArgumentException(username + " cannot end a follow of " + link.getFollower());
        }
        User other = link.getFollowed();
        requireOther(other);
        followingCount--;
        other.followersCount--;
    }

    /** Whether this user follows {@code other}; nobody counts as following themself. */
    public boolean isFollowing(User other) {
        return !equals(other) && following.contains(other);
    }

    /** The users this user follows (without the self-link), read-only. Use counting queries for numbers. */
    public Set<User> getFollowing() {
        return withoutSelf(following);
    }

    /** The users following this user (without the self-link), read-only. */
    public Set<User> getFollowers() {
        return withoutSelf(followers);
    }

    /** How many users this user follows (the self-link left out). */
    public long getFollowingCount() {
        return followingCount;
    }

    /** How many users follow this user (the self-link left out). */
    public long getFollowersCount() {
        return followersCount;
    }

    /** How many of this user's notifications are unread (as read with the row). */
    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getPostsCount() {
        return postsCount;
    }

    public int getUnreadNotifications() {
        return unreadNotifications;
    }

    /** Gives the user another username, kept as typed; it is compared without regard to case. */
    public void rename(String newUsername) {
        this.username = requireText(newUsername, "username");
        this.usernameKey = usernameKey(this.username);
    }

    /** Gives the user another email address, trimmed and lower-cased as at registration. */
    public void changeEmail(String newEmail) {
        this.email = normalizeEmail(requireText(newEmail, "email"));
        this.emailKey = this.email;
    }

    /**
     * Sets the about-me, kept without the white space around it; blank text (to a person: see {@link
     * TextRules#isBlank}) means none.
     *
     * @throws IllegalArgumentException if the text breaks {@link AboutMe}'s rules (too long, control characters)
     */
    public void describeAs(String aboutMe) {
        TextRules.check(aboutMe, ABOUT_ME_MAX, false).ifPresent(refusal -> {
            throw new IllegalArgumentException("Not an about-me (" + refusal + "): at most " + ABOUT_ME_MAX
                    + " characters, no control characters but line feed and tab");
        });
        this.aboutMe = TextRules.isBlank(aboutMe) ? null : TextRules.strip(aboutMe);
    }

    /** Stores a new password hash; every session signed in with the old password ends ({@link #endAllSessions()}). */
    public void changePasswordHash(String newHash) {
        this.passwordHash = requireText(newHash, "passwordHash");
        endAllSessions();
    }

    /**
     * Ends every session of this user, on every device and server: sessions remember the {@link
     * #getCredentialsVersion() credentials version} they signed in at, and this raises it.
     */
    public void endAllSessions() {
        credentialsVersion++;
    }

    /** Records that the user was active at {@code moment}; an older moment never moves it back. */
    public void seenAt(Instant moment) {
        Objects.requireNonNull(moment, "moment");
        if (lastSeen == null || moment.isAfter(lastSeen)) {
            lastSeen = moment;
        }
    }

    /**
     * The Gravatar image for this user's email: the MD5 of the trimmed, lower-cased address, with
     * generated identicons for addresses Gravatar does not know.
     */
    public String avatarUrl(int size) {
        return gravatarUrl(email, size);
    }

    /** The Gravatar image for an email, as {@link #avatarUrl(int)} gives it for a user with that email. */
    public static String gravatarUrl(String email, int size) {
        if (size < 1 || size > 2048) {
            throw new IllegalArgumentException("Gravatar sizes are 1 to 2048 pixels, not " + size);
        }
        return "https://www.gravatar.com/avatar/" + md5Hex(normalizeEmail(email)) + "?d=identicon&s=" + size;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** The version of this user's credentials; see {@link #endAllSessions()}. */
    public long getCredentialsVersion() {
        return credentialsVersion;
    }

    public Optional<String> getAboutMe() {
        return Optional.ofNullable(aboutMe);
    }

    public Optional<Instant> getLastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    private void requireOther(User other) {
        Objects.requireNonNull(other, "other");
        if (equals(other)) {
            throw new IllegalArgumentException("A user's link to themself is not a follow: " + username);
        }
    }

    private Set<User> withoutSelf(Set<User> users) {
        Set<User> copy = new HashSet<>(users);
        copy.remove(this);
        return Set.copyOf(copy);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    private static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has MD5", e);
        }
    }

    /** Two users are the same when they have the same database id; unsaved users only equal themselves. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof User other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return User.class.hashCode();
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + username + "]";
    }
}
