package org.microblog.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.service.post.PostService;
import org.microblog.service.timeline.PostPage;
import org.microblog.web.api.entity.Entities;

/**
 * A list of statuses paged as {@link Paging} says, from a list of posts that can be read older than a cursor and newer
 * than one. A status id of the parameters is turned into the (time, id) cursor our lists are ordered by; an id that
 * names no post (deleted meanwhile) gives an empty list.
 */
@ApplicationScoped
public class PostLists {

    /** The posts older than a cursor (or the newest), newest first. */
    @FunctionalInterface
    public interface Older {
        PostPage read(Optional<TimelineCursor> after, int size);
    }

    /** The posts newer than a cursor: the newest of them, or with {@code adjacent} those right after it. */
    @FunctionalInterface
    public interface Newer {
        List<Post> read(TimelineCursor since, int size, boolean adjacent);
    }

    @Inject
    PostService posts;

    @Inject
    Entities entities;

    public Response answer(Paging paging, UriInfo uri, Older older, Newer newer) {
        String root = Roots.of(uri);
        if (paging.newer()) {
            boolean adjacent = paging.minId().isPresent();
            Optional<TimelineCursor> since = cursor(adjacent ? paging.minId() : paging.sinceId());
            if (since.isEmpty()) {
                return paging.answer(List.of(), false, uri);
            }
            List<Post> found = newer.read(since.get(), paging.limit(), adjacent);
            return paging.answer(entities.statuses(found, root), true, uri);
        }
        Optional<TimelineCursor> before = Optional.empty();
        if (paging.maxId().isPresent()) {
            before = cursor(paging.maxId());
            if (before.isEmpty()) {
                return paging.answer(List.of(), false, uri);
            }
        }
        PostPage page = older.read(before, paging.limit());
        return paging.answer(entities.statuses(page.posts(), root), page.hasNext(), uri);
    }

    private Optional<TimelineCursor> cursor(OptionalLong postId) {
        return posts.find(postId.orElseThrow()).map(TimelineCursor::after);
    }
}
