package org.microblog.web.post;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.microblog.domain.post.Post;
import org.microblog.service.timeline.PostPage;
import org.microblog.web.avatar.Avatars;
import org.microblog.web.format.TimeFormat;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.util.Faces;

/** The rows of a page of posts, for WEB-INF/includes/posts.xhtml. */
@Named
@RequestScoped
public class PostRows {

    static final int AVATAR_SIZE = 48;
    /** No user has this id: a visitor's rows offer no Delete. */
    private static final long NOBODY = -1;

    @Inject
    Avatars avatars;

    @Inject
    TimeFormat time;

    @Inject
    CurrentUser currentUser;

    private PostPage page;

    private List<PostRow> rows;

    /** The rows of {@code page}, made once a request: ui:repeat asks for its value more than once. */
    public List<PostRow> of(PostPage page) {
        if (page != this.page) {
            long reader = currentUser.id().orElse(NOBODY);
            rows = page.posts().stream().map(post -> row(post, reader)).toList();
            this.page = page;
        }
        return rows;
    }

    /** One post as a row, for the signed-in user if any. */
    public PostRow of(Post post) {
        return row(post, currentUser.id().orElse(NOBODY));
    }

    private PostRow row(Post post, long reader) {
        String root = Faces.getRequestContextPath();
        String author = post.getAuthor().getUsername();
        return new PostRow(
                "post-" + post.getId(),
                author,
                root + "/user/" + author,
                avatars.of(post.getAuthor(), AVATAR_SIZE),
                time.iso(post.getTimestamp()),
                time.ago(post.getTimestamp()),
                post.getBody(),
                post.isBy(reader) ? root + "/delete-post?id=" + post.getId() : "");
    }
}
