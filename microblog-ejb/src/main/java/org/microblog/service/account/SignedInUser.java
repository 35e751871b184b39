package org.microblog.service.account;

/**
 * What a signed-in request needs to know about its user: who it is, the {@code credentialsVersion} its
 * session must still match (a session signed in at an older version has been ended), and how many of their
 * notifications and private messages are unread (the menu shows both), all read from the user row in one query.
 */
public record SignedInUser(
        long id, String username, long credentialsVersion, int unreadNotifications, int unreadMessages) {

    /** A user without unread notifications or messages. */
    public SignedInUser(long id, String username, long credentialsVersion) {
        this(id, username, credentialsVersion, 0, 0);
    }
}
