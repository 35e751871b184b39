package org.microblog.service.message;

import org.microblog.service.MicroblogException;

/** One of the two blocks the other: no message goes either way. Nothing was sent. */
public class MessagingBlockedException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public MessagingBlockedException(String username) {
        super("message.blocked", username);
    }
}
