package org.microblog.service.account;

import org.microblog.service.MicroblogException;

/** The password reset link is unknown, used, older than an hour or from before a password change: nothing changed. */
public class ResetLinkInvalidException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public ResetLinkInvalidException() {
        super("account.resetLinkInvalid");
    }
}
