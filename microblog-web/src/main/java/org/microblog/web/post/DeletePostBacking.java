package org.microblog.web.post;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;
import org.microblog.domain.post.Post;
import org.microblog.service.post.PostNotFoundException;
import org.microblog.service.post.PostService;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Backs {@code /delete-post?id=N} (signed-in users only, see web.xml): the post shown once more with Delete and
 * Cancel, so that a slip of the finger in a list deletes nothing. The form posts back to the same address, so the
 * id comes from the query on both requests. Only the author's own post is found: anyone else's id, like an unknown
 * one, is a 404 (a refusal message after a POST), and nobody learns which ids exist.
 */
@Named
@RequestScoped
public class DeletePostBacking {

    @Inject
    PostService posts;

    @Inject
    PostRows rows;

    @Inject
    CurrentUser currentUser;

    @Inject
    @Param(name = "id")
    String idParam;

    private Optional<PostRow> post;

    /** On GET: 400 for an id that is no number, 404 unless it is one of the signed-in user's posts. */
    public void load() throws IOException {
        if (id().isEmpty()) {
            Faces.responseSendError(400, "Malformed post id");
        } else if (!isFound()) {
            Faces.responseSendError(404, "No such post of yours");
        }
    }

    /** Whether the address names one of the signed-in user's posts (not deleted meanwhile, say). */
    public boolean isFound() {
        if (post == null) {
            post = id().flatMap(this::own).map(rows::of);
        }
        return post.isPresent();
    }

    /** The post as its row; only when {@link #isFound()}. */
    public PostRow getPost() {
        isFound();
        return post.orElseThrow(PostNotFoundException::new);
    }

    public void delete() {
        posts.delete(currentUser.requireId(), id().orElseThrow(PostNotFoundException::new));
        FlashMessages.add("flash.postDeleted");
        Redirects.toPath("");
    }

    private Optional<Post> own(long id) {
        try {
            return Optional.of(posts.getOwn(currentUser.requireId(), id));
        } catch (PostNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<Long> id() {
        try {
            return Optional.ofNullable(idParam).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
