package org.microblog.service.timeline;

import java.util.List;
import java.util.Optional;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;

/**
 * One page of a newest-first list of posts, and where the next page starts (empty on the last page).
 */
public record PostPage(List<Post> posts, Optional<TimelineCursor> next) {

    public PostPage {
        posts = List.copyOf(posts);
    }

    /**
     * Whether a next page exists. For pages: Jakarta EL 6 resolves a property of an {@code Optional} on its
     * content, so {@code next().present} cannot be written in a view.
     */
    public boolean hasNext() {
        return next.isPresent();
    }

    /** The next page's cursor in its text form, or "" on the last page. */
    public String nextToken() {
        return next.map(TimelineCursor::token).orElse("");
    }

    /** Builds a page from up to {@code size + 1} rows: the extra row only tells that there is more. */
    public static PostPage of(List<Post> rows, int size) {
        if (rows.size() <= size) {
            return new PostPage(rows, Optional.empty());
        }
        List<Post> page = rows.subList(0, size);
        return new PostPage(page, Optional.of(TimelineCursor.after(page.getLast())));
    }
}
