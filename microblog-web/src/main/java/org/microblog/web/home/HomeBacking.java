package org.microblog.web.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.PostBody;
import org.microblog.service.account.SignedInUser;
import org.microblog.service.follow.FollowService;
import org.microblog.service.follow.HomeSuggestions;
import org.microblog.service.follow.Suggestion;
import org.microblog.service.post.PostService;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.paging.Paging;
import org.microblog.web.person.FollowOffers;
import org.microblog.web.person.RelationshipChanged;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs the home page: the post form, a "follow someone by name" form, a "Who to follow" box and the home
 * timeline when signed in, a welcome otherwise.
 */
@Named
@RequestScoped
public class HomeBacking {

    static final int SUGGESTIONS_SHOWN = 3;

    @Inject
    CurrentUser currentUser;

    @Inject
    PostService posts;

    @Inject
    TimelineService timelines;

    @Inject
    FollowService follows;

    @Inject
    HomeSuggestions homeSuggestions;

    @Inject
    FollowOffers followOffers;

    @PostBody
    private String body;

    private String followName;

    private PostPage timeline;

    private List<Suggestion> suggestions;

    /** Before the page renders (preRenderView, see index.xhtml): 400 for a malformed cursor. */
    public void load() throws IOException {
        if (!Paging.isWellFormedCursor(after())) {
            Faces.responseSendError(400, "Malformed page cursor");
        }
    }

    /**
     * The "after" parameter, read here rather than injected with OmniFaces' {@code @Param} as other pages do: the
     * producer's conversion and validation cost this page, the one read most, 2 % of its CPU (docs/benchmarks.md).
     */
    private String after() {
        return Faces.getRequestParameter("after");
    }

    /** The page of the timeline; the following count of the signed-in row chooses the plan (one statement less). */
    public PostPage getTimeline() {
        if (timeline == null) {
            SignedInUser reader = currentUser.requireSignedIn();
            timeline =
                    timelines.home(reader.id(), reader.followingCount(), Paging.cursor(after()), Paging.POSTS_PER_PAGE);
        }
        return timeline;
    }

    /**
     * The first few people to follow, for the "Who to follow" box (the rest: /who-to-follow); kept a while by
     * HomeSuggestions, so checked again here: nobody blocked either way or followed meanwhile.
     */
    public List<Suggestion> getSuggestions() {
        if (suggestions == null) {
            suggestions = followOffers.followable(
                    homeSuggestions.firstFew(currentUser.requireId(), SUGGESTIONS_SHOWN), Suggestion::userId);
        }
        return suggestions;
    }

    /** A follow from the box in this request: the person followed is no longer a suggestion. */
    void relationshipChanged(@Observes(notifyObserver = Reception.IF_EXISTS) RelationshipChanged change) {
        suggestions = null;
    }

    public void publish() {
        posts.publish(currentUser.requireId(), body);
        FlashMessages.add("flash.posted");
        Redirects.toPath("");
    }

    /**
     * Follows the user named in the form; success redirects home with a flash message. A refusal (oneself,
     * an unknown name) becomes a message on this page through RefusalExceptionHandler.
     */
    public void followByName() {
        String name = followName == null ? "" : followName.strip();
        if (name.isEmpty()) {
            Messages.addGlobalError("home.follow.required");
            return;
        }
        follows.follow(currentUser.requireId(), name);
        FlashMessages.add("follow.done", name);
        Redirects.toPath("");
    }

    public String getFollowName() {
        return followName;
    }

    public void setFollowName(String followName) {
        this.followName = followName;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    /** For the page's counter (counter.js), which counts code points as PostBody does. */
    public int getBodyMax() {
        return Post.BODY_MAX;
    }
}
