package org.microblog.service.mute;

import org.microblog.service.MicroblogException;

/** A user asked to mute someone they do not follow: there is no follow to mute. */
public class NotFollowingException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public NotFollowingException(String username) {
        super("mute.notFollowing", username);
    }
}
