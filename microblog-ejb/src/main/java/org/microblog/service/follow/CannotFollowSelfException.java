package org.microblog.service.follow;

import org.microblog.service.MicroblogException;

/** A user asked to follow or unfollow themself. */
public class CannotFollowSelfException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public CannotFollowSelfException() {
        super("follow.self");
    }
}
