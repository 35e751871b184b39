package org.microblog.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.SignedInUser;

/**
 * Who is signed in, for this request. The identity always comes from Jakarta Security (the caller
 * principal's name is the user id), never from a form; the username and the credentials version are read
 * from the database at most once per request, so a rename or a password change shows at once on every
 * instance and nothing about the user is kept in the HTTP session.
 */
@Named
@RequestScoped
public class CurrentUser {

    /**
     * The caller Jakarta Security established for this request, read as the request's user principal: unlike
     * SecurityContext.getCallerPrincipal(), which fails in an error dispatch on Payara (no JACC policy context),
     * it also answers on the error pages, whose menu shows who is signed in.
     */
    @Inject
    HttpServletRequest request;

    @Inject
    AccountService accounts;

    private Optional<SignedInUser> signedIn;

    /** The signed-in user's id, or empty for a visitor. */
    public Optional<Long> id() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(principal.getName()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The signed-in user's id; call only where sign-in is required. */
    public long requireId() {
        return id().orElseThrow(CurrentUser::nobody);
    }

    /** The signed-in user's row; call only where sign-in is required. */
    public SignedInUser requireSignedIn() {
        return signedIn().orElseThrow(CurrentUser::nobody);
    }

    private static IllegalStateException nobody() {
        return new IllegalStateException("Nobody is signed in");
    }

    public boolean isSignedIn() {
        return id().isPresent();
    }

    /** The signed-in user as the database has them now, or empty for a visitor or a deleted account. */
    public Optional<SignedInUser> signedIn() {
        if (signedIn == null) {
            signedIn = id().flatMap(accounts::findSignedIn);
        }
        return signedIn;
    }

    /** How many of the signed-in user's notifications are unread (0 for a visitor), for the menu. */
    public int getUnreadNotifications() {
        return signedIn().map(SignedInUser::unreadNotifications).orElse(0);
    }

    /** How many private messages to the signed-in user are unread (0 for a visitor), for the menu. */
    public int getUnreadMessages() {
        return signedIn().map(SignedInUser::unreadMessages).orElse(0);
    }

    /** Reads the user row again on next use: this request has changed what the page shows of it. */
    public void refresh() {
        signedIn = null;
    }

    /** The signed-in user's username, or "" for a visitor. */
    public String getUsername() {
        return signedIn().map(SignedInUser::username).orElse("");
    }
}
