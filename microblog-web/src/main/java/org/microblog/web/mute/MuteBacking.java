package org.microblog.web.mute;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microblog.service.mute.MuteService;
import org.microblog.web.ButtonTarget;
import org.microblog.web.follow.FollowChanged;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Messages;

/**
 * The action of the Mute / Unmute button ({@code mb:muteButton}) on the profile of someone the signed-in user
 * follows; like FollowBacking, the person comes with the request as {@code target}. It fires {@link
 * FollowChanged} (the follow's mark changed) so that the page shows the other button in the same response.
 */
@Named
@RequestScoped
public class MuteBacking {

    @Inject
    MuteService mutes;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<FollowChanged> changed;

    @Inject
    @Param(name = "target")
    String target;

    public void mute() {
        if (ButtonTarget.isAllowed(currentUser, target)) {
            mutes.mute(currentUser.requireId(), target);
            Messages.addGlobalInfo("mute.done", target);
            changed.fire(new FollowChanged(target));
        }
    }

    public void unmute() {
        if (ButtonTarget.isAllowed(currentUser, target)) {
            mutes.unmute(currentUser.requireId(), target);
            Messages.addGlobalInfo("unmute.done", target);
            changed.fire(new FollowChanged(target));
        }
    }
}
