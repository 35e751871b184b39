package org.microblog.web.follow;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microblog.service.follow.FollowService;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Messages;

/**
 * The action of the Follow / Unfollow button (the tag {@code mb:followButton}), on whatever page it is. The
 * actor is the signed-in user; the person comes with the request as {@code target}, fixed when the page
 * was rendered. Pages showing counts or buttons observe {@link FollowChanged} to show the new state in the
 * same response. A refusal (yourself, an unknown user) becomes a message through RefusalExceptionHandler.
 */
@Named
@RequestScoped
public class FollowBacking {

    @Inject
    FollowService follows;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<FollowChanged> changed;

    @Inject
    @Param(name = "target")
    String target;

    public void follow() {
        if (isAllowed()) {
            follows.follow(currentUser.requireId(), target);
            Messages.addGlobalInfo("follow.done", target);
            changed.fire(new FollowChanged(target));
        }
    }

    public void unfollow() {
        if (isAllowed()) {
            follows.unfollow(currentUser.requireId(), target);
            Messages.addGlobalInfo("unfollow.done", target);
            changed.fire(new FollowChanged(target));
        }
    }

    private boolean isAllowed() {
        if (!currentUser.isSignedIn()) {
            Messages.addGlobalError("follow.signInFirst");
            return false;
        }
        if (target == null || target.isBlank()) {
            Messages.addGlobalError("follow.noTarget");
            return false;
        }
        return true;
    }
}
