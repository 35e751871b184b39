package org.microblog.web.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
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
            posts = profile.user()
                    .map(user -> timelines.byAuthor(user.id(), Paging.cursor(after), Paging.POSTS_PER_PAGE))
                    .orElse(new PostPage(List.of(), Optional.empty()));
        }
        return posts;
    }
}
