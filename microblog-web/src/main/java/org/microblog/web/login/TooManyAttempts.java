package org.microblog.web.login;

import java.time.Duration;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** The answer to a throttled sign-in or registration: HTTP 429 with Retry-After, and how long to wait in words. */
public final class TooManyAttempts {

    private static final int TOO_MANY_REQUESTS = 429;

    private TooManyAttempts() {}

    /** Answers this request with 429 and the message {@code messageKey} ({0}: whole minutes to wait, at least 1). */
    public static void answer(Duration wait, String messageKey) {
        long seconds = Math.max(1, wait.toSeconds());
        Faces.getResponse().setStatus(TOO_MANY_REQUESTS);
        Faces.getResponse().setHeader("Retry-After", Long.toString(seconds));
        Messages.addGlobalError(messageKey, (seconds + 59) / 60);
    }
}
