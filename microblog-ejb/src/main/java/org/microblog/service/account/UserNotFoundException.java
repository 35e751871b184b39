package org.microblog.service.account;

import org.microblog.service.MicroblogException;

/** No user has the given username (or id). */
public class UserNotFoundException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public UserNotFoundException(String username) {
        super("user.notFound", username);
    }
}
