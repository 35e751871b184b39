package org.microblog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.microblog.service.account.AccountService;

/**
 * Checks usernames and passwords against Microblog's own accounts (PBKDF2 hashes, see Passwords). The
 * username may be typed in any case: John, JOHN and john are one account.
 *
 * <p>The caller principal's name is the user's id, not the username: a user may rename themself, and
 * the signed-in identity must not change with it. Everyone signed in is in the group {@value #USER}.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    public static final String USER = "user";

    @Inject
    AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(user -> new CredentialValidationResult(String.valueOf(user.getId()), Set.of(USER)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
