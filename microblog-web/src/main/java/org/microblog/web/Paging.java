package org.microblog.web;

import java.io.IOException;
import java.util.Optional;
import org.microblog.domain.post.TimelineCursor;
import org.omnifaces.util.Faces;

/** Page sizes and the reading of the paging parameters shared by the list pages. */
public final class Paging {

    public static final int POSTS_PER_PAGE = 20;
    public static final int USERS_PER_PAGE = 20;

    private Paging() {}

    /**
     * The cursor in the {@code after} request parameter of a post list: empty for the first page. A
     * malformed one answers 400 Bad Request and returns empty; the caller stops rendering.
     */
    public static Optional<TimelineCursor> cursor(String after) throws IOException {
        if (after == null || after.isBlank()) {
            return Optional.empty();
        }
        Optional<TimelineCursor> cursor = TimelineCursor.parse(after);
        if (cursor.isEmpty()) {
            Faces.responseSendError(400, "Malformed page cursor");
        }
        return cursor;
    }

    /** The 1-based page number in a {@code page} request parameter; anything else answers 400. */
    public static int pageNumber(String page) throws IOException {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page);
            if (number >= 1 && number <= 100_000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        Faces.responseSendError(400, "Malformed page number");
        return 1;
    }
}
