package org.microblog.web.explore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;

/** Backs the page that lists every post on the site, newest first. */
@Named
@RequestScoped
public class ExploreBacking {

    static final int PAGE_SIZE = 20;

    @Inject
    TimelineService timelines;

    private PostPage page;

    public PostPage getPage() {
        if (page == null) {
            page = timelines.explore(Optional.empty(), PAGE_SIZE);
        }
        return page;
    }
}
