package org.microblog.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.microblog.domain.user.User;
import org.microblog.service.search.SearchQuery;
import org.microblog.service.search.SearchService;
import org.microblog.service.timeline.PostPage;
import org.microblog.web.avatar.Avatars;
import org.microblog.web.paging.Paging;
import org.microblog.web.person.FollowOffer;
import org.microblog.web.person.FollowOffers;
import org.microblog.web.person.RelationshipChanged;
import org.microblog.web.session.CurrentUser;
import org.microblog.web.user.UserCard;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Utils;

/**
 * Backs {@code /search?q=words&after=cursor}: the people (on the first page only) and a page of posts. A query that
 * is empty, too long or without a word gets a sentence that says so instead of results; only a malformed cursor is
 * a 400, as on every list.
 */
@Named
@RequestScoped
public class SearchBacking {

    /** People shown for a query (by name: an exact name comes first). */
    static final int PEOPLE = 10;

    @Inject
    SearchService search;

    @Inject
    CurrentUser currentUser;

    @Inject
    Avatars avatars;

    @Inject
    FollowOffers followOffers;

    @Inject
    @Param(name = "q")
    String q;

    @Inject
    @Param(name = "after")
    String after;

    private SearchQuery query;
    private List<FoundPerson> people;
    private PostPage page;

    /** On GET: 400 for a malformed cursor. */
    public void load() throws IOException {
        if (!Paging.isWellFormedCursor(after)) {
            Faces.responseSendError(400, "Malformed page cursor");
        }
    }

    public SearchQuery getQuery() {
        if (query == null) {
            query = SearchQuery.of(q);
        }
        return query;
    }

    /** Whether there are results to show: a query neither empty, nor too long, nor without anything to look for. */
    public boolean isSearched() {
        return !getQuery().isTooLong() && !getQuery().isEmpty();
    }

    /** Whether the query is longer than a search reads (a record's methods other than its components are no EL properties). */
    public boolean isTooLong() {
        return getQuery().isTooLong();
    }

    /** Whether the query is empty or holds no word and no possible username (and is not too long). */
    public boolean isWithoutAnythingToLookFor() {
        return !getQuery().isTooLong() && getQuery().isEmpty();
    }

    /** Whether this is the first page of posts, the one that also lists people. */
    public boolean isFirstPage() {
        return Utils.isEmpty(after);
    }

    /** The people found (first page only), each with the viewer's follow button. */
    public List<FoundPerson> getPeople() {
        if (people == null) {
            List<User> found =
                    isSearched() && isFirstPage() ? search.people(currentUser.id(), getQuery(), PEOPLE) : List.of();
            Map<Long, FollowOffer> offers =
                    followOffers.forPeople(found.stream().map(User::getId).toList());
            people = found.stream()
                    .map(user -> new FoundPerson(UserCard.of(user, avatars), offers.get(user.getId())))
                    .toList();
        }
        return people;
    }

    /** A follow or unfollow in this request: show the buttons as they are now. */
    void relationshipChanged(@Observes(notifyObserver = Reception.IF_EXISTS) RelationshipChanged change) {
        people = null;
    }

    public PostPage getPage() {
        if (page == null) {
            page = search.posts(currentUser.id(), getQuery(), Paging.cursor(after), Paging.POSTS_PER_PAGE);
        }
        return page;
    }

    /** This search's address, to which the posts' list adds the next page's cursor. */
    public String getOlderUrl() {
        return Faces.getRequestContextPath() + "/search?q="
                + Utils.encodeURL(getQuery().text());
    }

    /** The text as typed, stripped, for the search box (empty when there was none). */
    public String getText() {
        return getQuery().text();
    }
}
