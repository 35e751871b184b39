package org.microblog.web.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;
import org.microblog.web.Paging;
import org.omnifaces.cdi.Param;

/** Backs the posts on a profile page ({@code /user/{name}}), newest first, with cursor paging (the parameter is checked by ProfileBacking). */
@Named
@RequestScoped
public class UserPostsBacking {

    @Inject
    TimelineService timelines;

    @Inject
    ProfileBacking profile;

    @Inject
    @Param(name = "after")
    String after;

    private PostPage posts;

    public PostPage getPosts() {
        if (posts == null) {
            posts = timelines.byAuthor(profile.getUser().id(), Paging.cursor(after), Paging.POSTS_PER_PAGE);
        }
        return posts;
    }
}
