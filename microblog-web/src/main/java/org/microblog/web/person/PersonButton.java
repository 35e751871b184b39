package org.microblog.web.person;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Messages;

/**
 * What every in-place button on a person does around its own action (Follow, Block, Mute, Remove): it checks
 * that someone is signed in and that the request names the person ({@code target}, fixed when the page was
 * rendered), acts for the signed-in user, says so, and fires {@link RelationshipChanged} so that the page shows the
 * new counts, buttons and posts in the same response. Each failed check is a message on the page; the service
 * makes its own checks (an unknown user, oneself), whose refusals RefusalExceptionHandler shows.
 */
@RequestScoped
public class PersonButton {

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<RelationshipChanged> changed;

    @Inject
    @Param(name = "target")
    String target;

    /**
     * Runs {@code action} with the signed-in user's id and the target's name, then shows the message {@code
     * doneKey} (with the name).
     */
    public void act(BiConsumer<Long, String> action, String doneKey) {
        if (!currentUser.isSignedIn()) {
            Messages.addGlobalError("follow.signInFirst");
            return;
        }
        if (target == null || target.isBlank()) {
            Messages.addGlobalError("person.noTarget");
            return;
        }
        action.accept(currentUser.requireId(), target);
        Messages.addGlobalInfo(doneKey, target);
        changed.fire(new RelationshipChanged(target));
    }
}
