package org.microblog.web;

import org.microblog.web.session.CurrentUser;
import org.omnifaces.util.Messages;

/**
 * The check every in-place button on a person makes before it acts (Block, Mute, Remove): someone is signed
 * in, and the request names the person ({@code target}, fixed when the page was rendered). Each failure is a
 * message on the page; the service then makes its own checks (an unknown user, oneself).
 */
public final class ButtonTarget {

    private ButtonTarget() {}

    /** Whether the button may act; if not, the page says why. */
    public static boolean isAllowed(CurrentUser currentUser, String target) {
        if (!currentUser.isSignedIn()) {
            Messages.addGlobalError("follow.signInFirst");
            return false;
        }
        if (target == null || target.isBlank()) {
            Messages.addGlobalError("person.noTarget");
            return false;
        }
        return true;
    }
}
