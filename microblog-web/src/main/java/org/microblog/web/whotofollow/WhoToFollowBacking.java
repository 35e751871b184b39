package org.microblog.web.whotofollow;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.microblog.service.follow.Suggestion;
import org.microblog.service.follow.SuggestionService;
import org.microblog.web.paging.Paging;
import org.microblog.web.person.FollowOffers;
import org.microblog.web.person.RelationshipChanged;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Backs {@code /who-to-follow} (signed-in users only, web.xml): a page of suggestions at a time, each with a
 * Follow button. The home page shows the first few ({@code HomeBacking}).
 */
@Named
@RequestScoped
public class WhoToFollowBacking {

    @Inject
    SuggestionService suggestionService;

    @Inject
    CurrentUser currentUser;

    @Inject
    FollowOffers followOffers;

    @Inject
    @Param(name = "page")
    String pageParam;

    private List<Suggestion> suggestions;
    private boolean more;

    /** Before the page renders (preRenderView, as on the home page: the view has a form): 400 for a bad page. */
    public void load() throws IOException {
        if (!Paging.isWellFormedPageNumber(pageParam)) {
            Faces.responseSendError(400, "Malformed page number");
        }
    }

    public List<Suggestion> getSuggestions() {
        if (suggestions == null) {
            int first = (getPageNumber() - 1) * Paging.USERS_PER_PAGE;
            List<Suggestion> rows = currentUser.isSignedIn()
                    ? suggestionService.suggest(
                            currentUser.requireId(),
                            (int) Math.min(Integer.MAX_VALUE - Paging.USERS_PER_PAGE, (long) first),
                            Paging.USERS_PER_PAGE + 1)
                    : List.of();
            more = rows.size() > Paging.USERS_PER_PAGE;
            suggestions = followOffers.followable(
                    rows.subList(0, Math.min(rows.size(), Paging.USERS_PER_PAGE)), Suggestion::userId);
        }
        return suggestions;
    }

    public boolean isMore() {
        getSuggestions();
        return more;
    }

    public int getPageNumber() {
        return Paging.pageNumber(pageParam);
    }

    /** A follow in this request: the person followed is no longer a suggestion. */
    void relationshipChanged(@Observes(notifyObserver = Reception.IF_EXISTS) RelationshipChanged change) {
        suggestions = null;
    }
}
