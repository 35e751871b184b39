package org.microblog.service.account;

/**
 * What a signed-in request needs to know about its user: who it is, the {@code credentialsVersion} its
 * session must still match (a session signed in at an older version has been ended), and how many of their
 * notifications are unread (the menu shows it), all read from the user row in one query.
 */
public record SignedInUser(long id, String username, long credentialsVersion, int unreadNotifications) {

    /** A user without unread notifications. */
    public SignedInUser(long id, String username, long credentialsVersion) {
        this(id, username, credentialsVersion, 0);
    }
}
