package org.microblog.service.account;

import org.microblog.service.MicroblogException;

/** Another account already uses this email address. The address is not repeated in the message. */
public class EmailTakenException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public EmailTakenException() {
        super("account.emailTaken");
    }
}
