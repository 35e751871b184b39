package org.microblog.web.person;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microblog.service.mute.MuteService;

/**
 * The action of the Mute / Unmute button ({@code mb:muteButton}) on the profile of someone the signed-in user
 * follows; the checks, the message and the page's update are {@link PersonButton}'s.
 */
@Named
@RequestScoped
public class MuteBacking {

    @Inject
    MuteService mutes;

    @Inject
    PersonButton button;

    public void mute() {
        button.act(mutes::mute, "mute.done");
    }

    public void unmute() {
        button.act(mutes::unmute, "unmute.done");
    }
}
