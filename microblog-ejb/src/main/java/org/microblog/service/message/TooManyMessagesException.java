package org.microblog.service.message;

import java.time.Duration;
import org.microblog.service.MicroblogException;

/** The sender has sent too many messages lately: nothing was sent. {0}: whole minutes to wait, at least one. */
public class TooManyMessagesException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public TooManyMessagesException(Duration wait) {
        super("message.throttled", Math.max(1, (wait.toSeconds() + 59) / 60));
    }
}
