package org.microblog.service.account;

import org.microblog.service.MicroblogException;

/** Another account already has this username (compared without regard to case). */
public class UsernameTakenException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public UsernameTakenException(String username) {
        super("account.usernameTaken", username);
    }
}
