package org.microblog.web.post;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.microblog.domain.post.Post;
import org.microblog.service.timeline.PostPage;
import org.microblog.web.avatar.Avatars;
import org.microblog.web.format.TimeFormat;
import org.omnifaces.util.Faces;

/** The rows of a page of posts, for WEB-INF/includes/posts.xhtml. */
@Named
@RequestScoped
public class PostRows {

    static final int AVATAR_SIZE = 48;

    @Inject
    Avatars avatars;

    @Inject
    TimeFormat time;

    private PostPage page;

    private List<PostRow> rows;

    /** The rows of {@code page}, made once a request: ui:repeat asks for its value more than once. */
    public List<PostRow> of(PostPage page) {
        if (page != this.page) {
            String profiles = Faces.getRequestContextPath() + "/user/";
            rows = page.posts().stream().map(post -> row(post, profiles)).toList();
            this.page = page;
        }
        return rows;
    }

    private PostRow row(Post post, String profiles) {
        String author = post.getAuthor().getUsername();
        return new PostRow(
                author,
                profiles + author,
                avatars.of(post.getAuthor(), AVATAR_SIZE),
                time.iso(post.getTimestamp()),
                time.ago(post.getTimestamp()),
                post.getBody());
    }
}
