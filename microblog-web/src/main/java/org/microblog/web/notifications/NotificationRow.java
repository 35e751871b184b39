package org.microblog.web.notifications;

/**
 * A notification as the notifications page shows it, with every text and address made in Java, as a post row is
 * ({@code PostRow}): the page reads these properties and navigates no entity.
 *
 * @param actor who did it (their username)
 * @param link where the row leads: the actor's profile, or the export page for "your export is ready"
 * @param exportReady whether it tells that the reader's export of their posts is ready (else that the actor
 *     followed them)
 * @param avatar their avatar, 48 pixels wide
 * @param time when, machine-readable ({@code <time datetime>})
 * @param ago how long ago, in the page's language
 * @param unread whether it was unread until this page showed it
 */
public record NotificationRow(
        String actor, String link, boolean exportReady, String avatar, String time, String ago, boolean unread) {

    /** The classes of the row's element: a notification that was unread is marked. */
    public String styleClass() {
        return unread ? "connection notification unread" : "connection notification";
    }
}
