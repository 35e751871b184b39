package org.microblog.web.passwordreset;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import org.microblog.domain.user.NewPassword;
import org.microblog.service.account.PasswordResetService;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs {@code /reset-password?token=...}, the page a reset e-mail links to: a link that can no longer be used
 * (unknown, used, older than an hour, from before a password change) shows why and offers a new one; a good one
 * asks for the new password twice, sets it (PasswordResetService: every other session ends) and signs the person
 * in. The service's refusals (a weak password, a link used meanwhile) are messages on the page
 * (RefusalExceptionHandler).
 */
@Named
@RequestScoped
public class ResetPasswordBacking {

    @Inject
    PasswordResetService resets;

    @Inject
    SecurityContext security;

    @Inject
    @Param(name = "token")
    String token;

    private Boolean usable;

    @NewPassword
    private String newPassword;

    private String repeatPassword;

    public void reset() {
        if (!newPassword.equals(repeatPassword)) {
            Messages.addError("reset:repeatPassword", "register.passwordMismatch");
            return;
        }
        String username = resets.reset(token, newPassword);
        security.authenticate(
                Faces.getRequest(),
                Faces.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, new Password(newPassword))));
        FlashMessages.add("flash.passwordReset");
        Redirects.toPath("");
    }

    /** Whether the link can still set a password: asked once per request, in whichever phase first needs it. */
    public boolean isUsable() {
        if (usable == null) {
            usable = resets.isUsable(token);
        }
        return usable;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
