package org.microblog.service.account;

import org.microblog.domain.user.PasswordRules;
import org.microblog.service.MicroblogException;

/**
 * The new password gives the account away: it contains the username or is the email ({@link
 * PasswordRules#givesAway}). Nothing was changed. The rules that need only the password are the parameter
 * constraint {@code @NewPassword}.
 */
public class WeakPasswordException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public WeakPasswordException() {
        super("account.weakPassword");
    }
}
