package org.microblog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.RememberMeService;

/** Signing out: of this browser, or of every browser and device at once. */
@ApplicationScoped
public class SignOut {

    private static final int FLASH_SESSION_SECONDS = 60;

    @Inject
    RememberMeService rememberMe;

    @Inject
    RememberMeCookie rememberMeCookie;

    @Inject
    AccountService accounts;

    /**
     * Ends this session and forgets this browser's remember-me series (every cookie it was ever given). The
     * goodbye message on the next page travels in Faces' flash, which needs a session for that one redirect: it
     * gets one that lasts a minute.
     */
    public void here(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        rememberMeCookie.read(request).ifPresent(rememberMe::forget);
        rememberMeCookie.delete(request, response);
        SignedInSession.end(request);
        request.getSession(true).setMaxInactiveInterval(FLASH_SESSION_SECONDS);
    }

    /** Ends every session and remember-me token of {@code userId}, this one included. */
    public void everywhere(long userId, HttpServletRequest request, HttpServletResponse response)
            throws ServletException {
        accounts.endAllSessions(userId);
        here(request, response);
    }

    /**
     * After the signed-in user changed their password (which ended every session and token of theirs): this
     * session goes on with a new id, and this browser, if it was remembered, gets a new token.
     */
    public void keepThisOneAfterPasswordChange(
            long userId, long credentialsVersion, HttpServletRequest request, HttpServletResponse response) {
        SignedInSession.credentialsChanged(request, credentialsVersion);
        if (rememberMeCookie.read(request).isPresent()) {
            rememberMeCookie.write(request, response, rememberMe.issue(userId));
        }
    }
}
