package org.microblog.web.editprofile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import org.microblog.domain.user.EmailAddress;
import org.microblog.service.account.AccountService;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.session.CurrentUser;

/**
 * Backs the e-mail card of the profile editor: a new address, given the current password, since the address is
 * where a password reset link goes (someone at an unlocked computer must not be able to take the account over). A
 * wrong password or a taken address is the service's refusal (RefusalExceptionHandler).
 */
@Named
@RequestScoped
public class ChangeEmailBacking {

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @EmailAddress
    private String newEmail;

    @NotBlank(message = "{microblog.password.required}")
    private String currentPassword;

    /** The address the account has now, to show above the form. */
    public String getCurrentEmail() {
        return accounts.getById(currentUser.requireId()).getEmail();
    }

    public void change() {
        accounts.changeEmail(currentUser.requireId(), currentPassword, newEmail);
        FlashMessages.add("flash.emailChanged");
        Redirects.toPath("edit-profile");
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }
}
