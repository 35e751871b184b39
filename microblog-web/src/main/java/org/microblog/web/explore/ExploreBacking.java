package org.microblog.web.explore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;
import org.microblog.web.Paging;
import org.omnifaces.cdi.Param;

/** Backs the page that lists every post on the site, newest first. */
@Named
@RequestScoped
public class ExploreBacking {

    @Inject
    TimelineService timelines;

    @Inject
    @Param(name = "after")
    String after;

    private Optional<TimelineCursor> cursor = Optional.empty();
    private PostPage page;

    public void load() throws IOException {
        cursor = Paging.cursor(after);
    }

    public PostPage getPage() {
        if (page == null) {
            page = timelines.explore(cursor, Paging.POSTS_PER_PAGE);
        }
        return page;
    }
}
