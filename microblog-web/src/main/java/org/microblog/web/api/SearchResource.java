package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.service.post.PostService;
import org.microblog.service.search.SearchQuery;
import org.microblog.service.search.SearchService;
import org.microblog.web.api.entity.Account;
import org.microblog.web.api.entity.Entities;
import org.microblog.web.api.entity.SearchResults;

/**
 * Search for apps, as the search page does it: accounts whose username starts with a word of {@code q}, statuses
 * that hold every word. Without a token it searches as a visitor; with one it needs {@code read:search} and leaves
 * out, for the person it acts for, whoever they block or is blocking them. Statuses page by {@code max_id} (or a
 * small {@code offset}), at most 40 a page; {@code resolve}, {@code following} and {@code account_id} are not supported and ignored.
 */
@Tag(name = "search", description = "Accounts and statuses by their words")
@Path("v2/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    /** How far {@code offset} reaches: results past it need {@code max_id}. */
    static final int MAX_OFFSET = 60;

    @Inject
    SearchService search;

    @Inject
    PostService posts;

    @Inject
    Entities entities;

    @Inject
    ApiCaller caller;

    @GET
    public SearchResults search(
            @QueryParam("q") String q,
            @QueryParam("type") String type,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Context UriInfo uri) {
        Paging paging = Paging.of(uri);
        if (q == null || q.isBlank()) {
            throw new ApiRefusal(400, "q is missing");
        }
        if (type != null && !List.of("accounts", "statuses", "hashtags").contains(type)) {
            throw new ApiRefusal(400, "type must be accounts, statuses or hashtags");
        }
        Optional<Long> viewer =
                caller.token().isPresent() ? caller.token("read:search").getUserId() : Optional.<Long>empty();
        int size = paging.limit();
        int skip = Math.max(offset, 0);
        SearchQuery query = SearchQuery.of(q);
        String root = Roots.of(uri);
        if (query.isTooLong() || skip > MAX_OFFSET) {
            return new SearchResults(List.of(), List.of(), List.of());
        }
        List<Account> accounts = type == null || type.equals("accounts")
                ? search.people(viewer, query, skip + size).stream()
                        .skip(skip)
                        .map(user -> entities.account(user, root))
                        .toList()
                : List.of();
        List<Post> found = List.of();
        if (type == null || type.equals("statuses")) {
            Optional<TimelineCursor> after = Optional.empty();
            if (paging.maxId().isPresent()) {
                after = posts.find(paging.maxId().getAsLong()).map(TimelineCursor::after);
                if (after.isEmpty()) {
                    return new SearchResults(accounts, List.of(), List.of());
                }
            }
            List<Post> page = search.posts(viewer, query, after, skip + size).posts();
            found = page.subList(Math.min(skip, page.size()), page.size());
        }
        return new SearchResults(accounts, entities.statuses(found, root), List.of());
    }
}
