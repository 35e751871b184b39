package org.microblog.web.person;

/**
 * A CDI event: in this request the signed-in user changed how they stand with {@code username} (followed or
 * unfollowed, blocked or unblocked, muted or unmuted them, or removed them as a follower). Fired by
 * {@link PersonButton}; the page's beans observe it to show the new counts, buttons and posts.
 */
public record RelationshipChanged(String username) {}
