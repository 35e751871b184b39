package org.microblog.service.follow;

/**
 * A CDI event fired by {@link FollowService} inside the transaction that made a new follow link (never for a
 * follow that existed already): observers run in that transaction, with both users' rows locked.
 */
public record NewFollow(long followerId, long followedId) {}
