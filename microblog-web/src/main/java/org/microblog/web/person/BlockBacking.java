package org.microblog.web.person;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microblog.service.block.BlockService;

/**
 * The actions of the Block / Unblock button ({@code mb:blockButton}) and of Remove on one's own followers list
 * ({@code mb:removeFollowerButton}), wherever they are; the checks, the message and the page's update are
 * {@link PersonButton}'s.
 */
@Named
@RequestScoped
public class BlockBacking {

    @Inject
    BlockService blocks;

    @Inject
    PersonButton button;

    public void block() {
        button.act(blocks::block, "block.done");
    }

    public void unblock() {
        button.act(blocks::unblock, "unblock.done");
    }

    /** Removes {@code target} from the signed-in user's followers; they are not told. */
    public void removeFollower() {
        button.act(blocks::removeFollower, "removeFollower.done");
    }
}
