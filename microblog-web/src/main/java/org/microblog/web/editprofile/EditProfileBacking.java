package org.microblog.web.editprofile;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microblog.domain.user.AboutMe;
import org.microblog.domain.user.User;
import org.microblog.domain.user.Username;
import org.microblog.service.account.AccountService;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.util.Faces;

/**
 * Backs the profile editor. Whose profile is edited comes from the signed-in user only (the page is
 * protected in web.xml); the form has no field that names a user.
 */
@Named
@RequestScoped
public class EditProfileBacking {

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Username
    private String username;

    @AboutMe
    private String aboutMe;

    @PostConstruct
    void fill() {
        if (!Faces.isPostback()) {
            User user = accounts.getById(currentUser.requireId());
            username = user.getUsername();
            aboutMe = user.getAboutMe().orElse("");
        }
    }

    public void save() {
        User user = accounts.updateProfile(currentUser.requireId(), username, aboutMe);
        FlashMessages.add("flash.profileSaved");
        Redirects.toPath("user/" + user.getUsername());
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getAboutMe() {
        return aboutMe;
    }

    public void setAboutMe(String aboutMe) {
        this.aboutMe = aboutMe;
    }

    /** For the page's counter (counter.js), which counts code points as AboutMe does. */
    public int getAboutMeMax() {
        return User.ABOUT_ME_MAX;
    }
}
