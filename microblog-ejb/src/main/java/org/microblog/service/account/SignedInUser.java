package org.microblog.service.account;

/**
 * What a signed-in request needs to know about its user: who it is, the {@code credentialsVersion} its
 * session must still match (a session signed in at an older version has been ended), and how many of their
 * notifications and private messages are unread (the menu shows both), and how many people they follow (which
 * the home timeline plans by), all read from the user row in one query.
 */
public record SignedInUser(
        long id,
        String username,
        long credentialsVersion,
        int unreadNotifications,
        int unreadMessages,
        long followingCount) {

    /** A user without unread notifications or messages, who follows nobody. */
    public SignedInUser(long id, String username, long credentialsVersion) {
        this(id, username, credentialsVersion, 0, 0, 0);
    }
}
