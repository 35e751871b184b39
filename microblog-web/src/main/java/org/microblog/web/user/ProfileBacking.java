package org.microblog.web.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;
import org.microblog.service.account.AccountService;
import org.microblog.service.block.BlockService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.mute.MuteService;
import org.microblog.web.avatar.Avatars;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.paging.Paging;
import org.microblog.web.person.FollowOffer;
import org.microblog.web.person.RelationshipChanged;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Backs the head of every user page ({@code /user/{name}}, {@code /user/{name}/followers},
 * {@code /user/{name}/following}, all served by {@code user.xhtml}): whose page it is, which section it
 * shows, the counts and how the viewer stands to them. Everything comes from the address and the
 * database on each request; the view keeps no state.
 *
 * <p>A username in the address is found in any case; an address that spells it otherwise than its owner
 * does ({@code /user/JOHN/followers}) is redirected to the one that spells it as the owner does ({@code
 * /user/john/followers}), so that each page has one address.
 */
@Named
@RequestScoped
public class ProfileBacking {

    @Inject
    AccountService accounts;

    @Inject
    Avatars avatars;

    @Inject
    FollowService follows;

    @Inject
    BlockService blocks;

    @Inject
    MuteService mutes;

    @Inject
    CurrentUser currentUser;

    @Inject
    @Param(pathIndex = 0)
    String usernameParam;

    @Inject
    @Param(pathIndex = 1)
    String sectionParam;

    @Inject
    @Param(pathIndex = 2)
    String extraParam;

    @Inject
    @Param(name = "after")
    String after;

    @Inject
    @Param(name = "page")
    String page;

    private Optional<UserCard> user;
    private Standing standing;

    /** How the counts and the viewer's follow links, blocks and mute stand now. */
    private record Standing(
            long followers,
            long following,
            boolean viewerFollows,
            boolean followsViewer,
            boolean viewerBlocks,
            boolean blocksViewer,
            boolean viewerMutes) {}

    /**
     * On GET: 404 for an unknown user or path, a redirect for a username spelled in another case, 400 for a
     * malformed paging parameter.
     */
    public void load() throws IOException {
        if (extraParam != null || Section.of(sectionParam).isEmpty() || user().isEmpty()) {
            Faces.responseSendError(404, "No such user");
        } else if (!user.get().username().equals(usernameParam)) {
            Redirects.to(canonicalAddress(user.get().username()));
        } else if (!Paging.isWellFormedCursor(after) || !Paging.isWellFormedPageNumber(page)) {
            Faces.responseSendError(400, "Malformed paging parameter");
        }
    }

    /**
     * This page's address with the username spelled as its owner does: same section, same query. A 302 (what
     * {@link Redirects} sends), not a 301: a browser keeps a 301 for good, but the spelling can change with a
     * rename, and the old one can go to somebody else.
     */
    private String canonicalAddress(String username) {
        String query = Faces.getRequestQueryString();
        return Faces.getRequestContextPath() + "/user/" + username + (sectionParam == null ? "" : "/" + sectionParam)
                + (query == null ? "" : "?" + query);
    }

    /** The user whose page this is; empty when the address names nobody (a 404, or a user renamed meanwhile). */
    Optional<UserCard> user() {
        if (user == null) {
            user = accounts.findByUsername(usernameParam).map(found -> UserCard.of(found, avatars));
        }
        return user;
    }

    /** The user whose page this is (null only on a page that answers 404). */
    public UserCard getUser() {
        return user().orElse(null);
    }

    public Section getSection() {
        return Section.of(sectionParam).orElse(Section.PROFILE);
    }

    /** Whether the signed-in user looks at their own page. */
    public boolean isOwn() {
        return user().isPresent()
                && currentUser.id().filter(id -> id == user.get().id()).isPresent();
    }

    public long getFollowersCount() {
        return standing().followers();
    }

    public long getFollowingCount() {
        return standing().following();
    }

    public boolean isViewerFollows() {
        return standing().viewerFollows();
    }

    public boolean isFollowsViewer() {
        return standing().followsViewer();
    }

    /** Whether the signed-in viewer blocks the user whose page this is. */
    public boolean isViewerBlocks() {
        return standing().viewerBlocks();
    }

    /** Whether the user whose page this is blocks the signed-in viewer. */
    public boolean isBlocksViewer() {
        return standing().blocksViewer();
    }

    /** Whether either blocks the other: no following, and no posts shown. */
    public boolean isEitherBlocks() {
        return isViewerBlocks() || isBlocksViewer();
    }

    /** The follow button the viewer gets on this page, by the rule every page uses. */
    public FollowOffer getFollowOffer() {
        return FollowOffer.of(currentUser.isSignedIn(), isOwn(), isViewerFollows(), isEitherBlocks());
    }

    /** Whether the signed-in viewer follows the user whose page this is but has muted them. */
    public boolean isViewerMutes() {
        return standing().viewerMutes();
    }

    private Standing standing() {
        if (standing == null) {
            long id = user().map(UserCard::id).orElse(0L);
            Optional<Long> viewer = currentUser.id();
            standing = new Standing(
                    follows.followersCount(id),
                    follows.followingCount(id),
                    viewer.map(v -> follows.isFollowing(v, id)).orElse(false),
                    viewer.map(v -> follows.isFollowing(id, v)).orElse(false),
                    viewer.map(v -> blocks.isBlocking(v, id)).orElse(false),
                    viewer.map(v -> blocks.isBlocking(id, v)).orElse(false),
                    viewer.map(v -> mutes.isMuted(v, id)).orElse(false));
        }
        return standing;
    }

    /** A follow, unfollow, block or mute in this request: show the counts and buttons as they are now. */
    void relationshipChanged(@Observes(notifyObserver = Reception.IF_EXISTS) RelationshipChanged change) {
        standing = null;
    }
}
