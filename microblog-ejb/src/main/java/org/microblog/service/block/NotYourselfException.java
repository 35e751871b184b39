package org.microblog.service.block;

import org.microblog.service.MicroblogException;

/** A user asked to block, unblock, mute or remove as a follower themself. */
public class NotYourselfException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    private NotYourselfException(String messageKey) {
        super(messageKey);
    }

    /** Blocking or unblocking oneself. */
    public static NotYourselfException block() {
        return new NotYourselfException("block.self");
    }

    /** Muting or unmuting oneself: a user's own posts are always on their home timeline. */
    public static NotYourselfException mute() {
        return new NotYourselfException("mute.self");
    }

    /** Removing oneself from one's own followers. */
    public static NotYourselfException removeFollower() {
        return new NotYourselfException("removeFollower.self");
    }
}
