package org.microblog.web.login;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.time.Duration;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.security.SignInMechanism;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs the sign-in page. A wrong username or password gets one message that does not tell whether the
 * username exists; too many attempts get a message saying how long to wait, with HTTP 429 and
 * {@code Retry-After}. After signing in the user goes back to the page that asked for it, the {@code next}
 * parameter, when that is a path on this site (see SafeReturn).
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    CurrentUser currentUser;

    @Inject
    @Param(name = "next")
    String next;

    private String username;
    private String password;
    private boolean rememberMe;

    /** A signed-in user who opens the sign-in page goes home. */
    public void load() {
        if (currentUser.isSignedIn()) {
            Redirects.toPath("");
        }
    }

    public void signIn() {
        AuthenticationStatus status = security.authenticate(
                Faces.getRequest(),
                Faces.getResponse(),
                withParams()
                        .credential(new UsernamePasswordCredential(orEmpty(username), new Password(orEmpty(password))))
                        .rememberMe(rememberMe)
                        .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> Faces.responseComplete();
            case SUCCESS -> {
                FlashMessages.add("flash.signedIn");
                Redirects.to(SafeReturn.path(next, Faces.getRequestContextPath()));
            }
            default -> {
                if (Faces.getRequestAttribute(SignInMechanism.WAIT) instanceof Duration wait) {
                    TooManyAttempts.answer(wait, "login.throttled");
                } else {
                    Messages.addGlobalError("login.failed");
                }
            }
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isRememberMe() {
        return rememberMe;
    }

    public void setRememberMe(boolean rememberMe) {
        this.rememberMe = rememberMe;
    }
}
