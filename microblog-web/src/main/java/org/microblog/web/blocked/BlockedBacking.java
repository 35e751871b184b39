package org.microblog.web.blocked;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.microblog.domain.user.Block;
import org.microblog.service.block.BlockService;
import org.microblog.web.avatar.Avatars;
import org.microblog.web.paging.Paging;
import org.microblog.web.person.RelationshipChanged;
import org.microblog.web.session.CurrentUser;
import org.microblog.web.user.UserCard;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Backs {@code /blocked}, the signed-in user's settings page of the people they blocked, most recent first, each
 * with Unblock. Whose list it is comes from the signed-in user only (the page is protected in web.xml).
 */
@Named
@RequestScoped
public class BlockedBacking {

    @Inject
    Avatars avatars;

    @Inject
    BlockService blocks;

    @Inject
    CurrentUser currentUser;

    @Inject
    @Param(name = "page")
    String pageParam;

    private List<Row> rows;
    private boolean morePeople;

    /** One blocked person and since when. */
    public record Row(UserCard person, Instant since) {}

    /** On GET: 400 for a malformed page number. */
    public void load() throws IOException {
        if (!Paging.isWellFormedPageNumber(pageParam)) {
            Faces.responseSendError(400, "Malformed page number");
        }
    }

    public List<Row> getRows() {
        if (rows == null) {
            int first = (getPageNumber() - 1) * Paging.USERS_PER_PAGE;
            List<Block> found = blocks.blocked(currentUser.requireId(), first, Paging.USERS_PER_PAGE + 1);
            morePeople = found.size() > Paging.USERS_PER_PAGE;
            rows = found.stream()
                    .limit(Paging.USERS_PER_PAGE)
                    .map(block -> new Row(UserCard.of(block.getBlocked(), avatars), block.getSince()))
                    .toList();
        }
        return rows;
    }

    public boolean isMorePeople() {
        getRows();
        return morePeople;
    }

    public int getPageNumber() {
        return Paging.pageNumber(pageParam);
    }

    /** An unblock in this request: show the list as it is now. */
    void relationshipChanged(@Observes(notifyObserver = Reception.IF_EXISTS) RelationshipChanged change) {
        rows = null;
    }
}
