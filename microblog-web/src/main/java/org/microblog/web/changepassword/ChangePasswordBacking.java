package org.microblog.web.changepassword;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.validation.constraints.NotBlank;
import org.microblog.domain.user.NewPassword;
import org.microblog.domain.user.PasswordRules;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.SignedInUser;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.security.SignOut;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs {@code /change-password} (signed-in users only, see web.xml): a new password, given the current
 * one, which ends every other session and remembered browser of the user; and "sign out everywhere",
 * which ends them all, this one included. The new password's rules are {@code @NewPassword}'s and {@link
 * PasswordRules#givesAway}'s, which AccountService checks too. A wrong current password is the service's refusal
 * (RefusalExceptionHandler).
 */
@Named
@RequestScoped
public class ChangePasswordBacking {

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    SignOut signOut;

    @NotBlank(message = "{microblog.password.required}")
    private String currentPassword;

    @NewPassword
    private String newPassword;

    private String repeatPassword;

    public void change() {
        SignedInUser user = currentUser.signedIn().orElseThrow();
        if (!newPassword.equals(repeatPassword)) {
            Messages.addError("password:repeatPassword", "register.passwordMismatch");
            return;
        }
        // The email is not at hand here: a new password that is the email is the service's refusal.
        if (PasswordRules.givesAway(newPassword, user.username(), null)) {
            Messages.addError("password:newPassword", "register.passwordWeak");
            return;
        }
        long credentialsVersion = accounts.changePassword(user.id(), currentPassword, newPassword);
        signOut.keepThisOneAfterPasswordChange(user.id(), credentialsVersion, Faces.getRequest(), Faces.getResponse());
        FlashMessages.add("flash.passwordChanged");
        Redirects.toPath("");
    }

    public void signOutEverywhere() throws ServletException {
        signOut.everywhere(currentUser.requireId(), Faces.getRequest(), Faces.getResponse());
        FlashMessages.add("flash.signedOutEverywhere");
        Redirects.toPath("");
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
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
