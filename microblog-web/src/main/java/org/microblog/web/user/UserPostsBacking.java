package org.microblog.web.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;
import org.microblog.web.paging.Paging;
import org.microblog.web.person.RelationshipChanged;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;

/**
 * Backs the posts on a profile page ({@code /user/{name}}), newest first, with cursor paging (the parameter is
 * checked by ProfileBacking). A signed-in viewer sees none when either of the two blocks the other.
 */
@Named
@RequestScoped
public class UserPostsBacking {

    @Inject
    TimelineService timelines;

    @Inject
    ProfileBacking profile;

    @Inject
    CurrentUser currentUser;

    @Inject
    @Param(name = "after")
    String after;

    private PostPage posts;

    public PostPage getPosts() {
        if (posts == null) {
            Optional<Long> viewer = currentUser.id();
            posts = profile.user()
                    .map(user -> viewer.isPresent()
                            ? timelines.byAuthor(user.id(), viewer.get(), Paging.cursor(after), Paging.POSTS_PER_PAGE)
                            : timelines.byAuthor(user.id(), Paging.cursor(after), Paging.POSTS_PER_PAGE))
                    .orElse(new PostPage(List.of(), Optional.empty()));
        }
        return posts;
    }

    /** A block or unblock in this request: show the posts as the viewer may see them now. */
    void relationshipChanged(@Observes(notifyObserver = Reception.IF_EXISTS) RelationshipChanged change) {
        posts = null;
    }
}
