package org.microblog.service.message;

import org.microblog.service.MicroblogException;

/** A message to oneself: nothing was sent. */
public class MessageToSelfException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public MessageToSelfException() {
        super("message.self");
    }
}
