package org.microblog.web.explore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;
import org.microblog.web.paging.Paging;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/** Backs the page that lists every post on the site, newest first (for a signed-in user, without the posts of people they block or who block them). */
@Named
@RequestScoped
public class ExploreBacking {

    @Inject
    TimelineService timelines;

    @Inject
    CurrentUser currentUser;

    @Inject
    @Param(name = "after")
    String after;

    private PostPage page;

    /** On GET: 400 for a malformed cursor. */
    public void load() throws IOException {
        if (!Paging.isWellFormedCursor(after)) {
            Faces.responseSendError(400, "Malformed page cursor");
        }
    }

    public PostPage getPage() {
        if (page == null) {
            page = currentUser
                    .id()
                    .map(viewer -> timelines.explore(viewer, Paging.cursor(after), Paging.POSTS_PER_PAGE))
                    .orElseGet(() -> timelines.explore(Paging.cursor(after), Paging.POSTS_PER_PAGE));
        }
        return page;
    }
}
