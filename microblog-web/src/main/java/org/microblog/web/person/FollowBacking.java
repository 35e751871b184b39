package org.microblog.web.person;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microblog.service.follow.FollowService;

/**
 * The action of the Follow / Unfollow button (the tag {@code mb:followButton}), on whatever page it is; the
 * checks, the message and the page's update ({@link RelationshipChanged}) are {@link PersonButton}'s.
 */
@Named
@RequestScoped
public class FollowBacking {

    @Inject
    FollowService follows;

    @Inject
    PersonButton button;

    public void follow() {
        button.act(follows::follow, "follow.done");
    }

    public void unfollow() {
        button.act(follows::unfollow, "unfollow.done");
    }
}
