package org.microblog.web.block;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microblog.service.block.BlockService;
import org.microblog.web.ButtonTarget;
import org.microblog.web.follow.FollowChanged;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Messages;

/**
 * The actions of the Block / Unblock button ({@code mb:blockButton}) and of Remove on one's own followers list
 * ({@code mb:removeFollowerButton}), wherever they are. As with FollowBacking, the actor is the signed-in user
 * and the person comes with the request as {@code target}; both change follow links, so they fire {@link
 * FollowChanged} for the page to show the new counts, buttons and posts in the same response. A refusal
 * (oneself, an unknown user) becomes a message through RefusalExceptionHandler.
 */
@Named
@RequestScoped
public class BlockBacking {

    @Inject
    BlockService blocks;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<FollowChanged> changed;

    @Inject
    @Param(name = "target")
    String target;

    public void block() {
        if (ButtonTarget.isAllowed(currentUser, target)) {
            blocks.block(currentUser.requireId(), target);
            Messages.addGlobalInfo("block.done", target);
            changed.fire(new FollowChanged(target));
        }
    }

    public void unblock() {
        if (ButtonTarget.isAllowed(currentUser, target)) {
            blocks.unblock(currentUser.requireId(), target);
            Messages.addGlobalInfo("unblock.done", target);
            changed.fire(new FollowChanged(target));
        }
    }

    /** Removes {@code target} from the signed-in user's followers; they are not told. */
    public void removeFollower() {
        if (ButtonTarget.isAllowed(currentUser, target)) {
            blocks.removeFollower(currentUser.requireId(), target);
            Messages.addGlobalInfo("removeFollower.done", target);
            changed.fire(new FollowChanged(target));
        }
    }
}
