package org.microblog.web.follow;

/** A CDI event: the signed-in user followed or unfollowed {@code username} in this request. */
public record FollowChanged(String username) {}
