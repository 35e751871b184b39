package org.microblog.service.account;

import org.microblog.service.MicroblogException;

/** The password given as the current one is not the user's: nothing was changed. */
public class WrongPasswordException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super("account.wrongPassword");
    }
}
