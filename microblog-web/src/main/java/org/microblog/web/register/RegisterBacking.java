package org.microblog.web.register;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.time.Duration;
import java.util.Optional;
import org.microblog.domain.user.EmailAddress;
import org.microblog.domain.user.NewPassword;
import org.microblog.domain.user.PasswordRules;
import org.microblog.domain.user.Username;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.SignInThrottle;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.login.TooManyAttempts;
import org.microblog.web.security.ClientAddress;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs the registration page. The field rules are the domain's named constraints, which the entity and
 * AccountService check too (Bean Validation, messages from ValidationMessages); a mismatched password, or one that
 * gives the account away (PasswordRules), gets its own message on the field, a taken username or email the
 * service's refusal (RefusalExceptionHandler). Registrations are throttled per client address
 * before any password is hashed. A new user is signed in at once.
 */
@Named
@RequestScoped
public class RegisterBacking {

    @Inject
    AccountService accounts;

    @Inject
    SecurityContext security;

    @Inject
    SignInThrottle throttle;

    @Inject
    ClientAddress clientAddress;

    @Username
    private String username;

    @EmailAddress
    private String email;

    @NewPassword
    private String password;

    private String repeatPassword;

    public void register() {
        if (!password.equals(repeatPassword)) {
            Messages.addError("register:repeatPassword", "register.passwordMismatch");
            return;
        }
        if (PasswordRules.givesAway(password, username, email)) {
            Messages.addError("register:password", "register.passwordWeak");
            return;
        }
        Optional<Duration> wait = throttle.admitRegistration(clientAddress.of(Faces.getRequest()));
        if (wait.isPresent()) {
            TooManyAttempts.answer(wait.get(), "register.throttled");
            return;
        }
        accounts.register(username, email, password);
        security.authenticate(
                Faces.getRequest(),
                Faces.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username.strip(), new Password(password))));
        FlashMessages.add("flash.registered", username.strip());
        Redirects.toPath("");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
