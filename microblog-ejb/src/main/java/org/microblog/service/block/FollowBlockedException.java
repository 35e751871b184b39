package org.microblog.service.block;

import org.microblog.service.MicroblogException;

/** A follow that a block forbids: the person to follow blocked the follower, or the follower blocked them. */
public class FollowBlockedException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    private FollowBlockedException(String messageKey, String username) {
        super(messageKey, username);
    }

    /** {@code username} blocked the user who asked to follow them. */
    public static FollowBlockedException blockedByThem(String username) {
        return new FollowBlockedException("follow.blockedByThem", username);
    }

    /** The user who asked to follow {@code username} blocked them: unblocking comes first. */
    public static FollowBlockedException blockedByYou(String username) {
        return new FollowBlockedException("follow.blockedByYou", username);
    }
}
