package org.microblog.web.register;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.EmailTakenException;
import org.microblog.service.account.Passwords;
import org.microblog.service.account.UsernameTakenException;
import org.microblog.web.Texts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs the registration page. The field rules are the entity's (Bean Validation, messages from
 * ValidationMessages); a taken username or email, a weak or a mismatched password get their own message
 * on the field. A new user is signed in at once.
 */
@Named
@RequestScoped
public class RegisterBacking {

    @Inject
    AccountService accounts;

    @Inject
    SecurityContext security;

    @NotBlank(message = "{microblog.user.username.required}")
    @Size(max = User.USERNAME_MAX, message = "{microblog.user.username.size}")
    @Pattern(regexp = User.USERNAME_PATTERN, message = "{microblog.user.username.pattern}")
    private String username;

    @NotBlank(message = "{microblog.user.email.required}")
    @Email(message = "{microblog.user.email.invalid}")
    @Size(max = User.EMAIL_MAX, message = "{microblog.user.email.size}")
    private String email;

    @NotBlank(message = "{microblog.password.required}")
    @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = "{microblog.password.size}")
    private String password;

    private String repeatPassword;

    public void register() {
        if (!password.equals(repeatPassword)) {
            Messages.addError("register:repeatPassword", "register.passwordMismatch");
            return;
        }
        if (isWeak(password)) {
            Messages.addError("register:password", "register.passwordWeak");
            return;
        }
        try {
            accounts.register(username, email, password);
        } catch (UsernameTakenException e) {
            Messages.addError("register:username", "message.text", e.getMessage(Texts.currentLocale()));
            return;
        } catch (EmailTakenException e) {
            Messages.addError("register:email", "message.text", e.getMessage(Texts.currentLocale()));
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        security.authenticate(
                (HttpServletRequest) faces.getExternalContext().getRequest(),
                (HttpServletResponse) faces.getExternalContext().getResponse(),
                withParams().credential(new UsernamePasswordCredential(username.strip(), new Password(password))));
        Messages.addFlashGlobalInfo("flash.registered", username.strip());
        Faces.redirect("");
    }

    /** A password made of the username or email, or of one repeated character, is refused. */
    private boolean isWeak(String candidate) {
        String lower = candidate.toLowerCase(Locale.ROOT);
        return lower.contains(username.strip().toLowerCase(Locale.ROOT))
                || lower.equals(email.strip().toLowerCase(Locale.ROOT))
                || candidate.chars().distinct().count() < 4;
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
