package org.microblog.web.paging;

import java.util.Optional;
import org.microblog.domain.post.TimelineCursor;

/**
 * Page sizes and the reading of the paging parameters shared by the list pages. Reading never fails (a
 * malformed value reads as the first page), so that a postback of a stateless view rebuilds the same list
 * it showed; a page's view action answers 400 to a GET with a malformed value (the {@code isWellFormed}
 * checks).
 */
public final class Paging {

    public static final int POSTS_PER_PAGE = 20;
    public static final int USERS_PER_PAGE = 20;
    static final int MAX_PAGE_NUMBER = 100_000;

    private Paging() {}

    /** The cursor in the {@code after} parameter of a post list: empty for the first page. */
    public static Optional<TimelineCursor> cursor(String after) {
        return after == null || after.isBlank() ? Optional.empty() : TimelineCursor.parse(after);
    }

    public static boolean isWellFormedCursor(String after) {
        return after == null || after.isBlank() || TimelineCursor.parse(after).isPresent();
    }

    /** The 1-based page number in a {@code page} parameter: 1 when absent. */
    public static int pageNumber(String page) {
        return parsePageNumber(page).orElse(1);
    }

    public static boolean isWellFormedPageNumber(String page) {
        return page == null || page.isBlank() || parsePageNumber(page).isPresent();
    }

    private static Optional<Integer> parsePageNumber(String page) {
        if (page == null || page.length() > 6) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(page);
            return number >= 1 && number <= MAX_PAGE_NUMBER ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
