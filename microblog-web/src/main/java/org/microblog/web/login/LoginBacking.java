package org.microblog.web.login;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs the sign-in page. Any failure gets one message that does not tell whether the username exists.
 * After signing in the user goes back to the page that asked for it, the {@code next} parameter, when
 * that is a path on this site (see SafeReturn).
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
            Faces.redirect("");
        }
    }

    public void signIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) faces.getExternalContext().getRequest(),
                (HttpServletResponse) faces.getExternalContext().getResponse(),
                withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .rememberMe(rememberMe)
                        .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                Messages.addFlashGlobalInfo("flash.signedIn");
                Faces.redirect(SafeReturn.relativePath(next, Faces.getRequestContextPath()));
            }
            default -> Messages.addGlobalError("login.failed");
        }
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
