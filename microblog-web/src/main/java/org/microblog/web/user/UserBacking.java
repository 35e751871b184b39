package org.microblog.web.user;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.User;
import org.microblog.service.MicroblogException;
import org.microblog.service.account.AccountService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;
import org.microblog.web.Paging;
import org.microblog.web.Texts;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs {@code user.xhtml}: {@code /user/{name}} (the profile and the user's posts) and
 * {@code /user/{name}/followers}, {@code /user/{name}/following} (paged lists). Follow and unfollow are
 * AJAX POSTs of this view; the user they act on is the one this view shows (kept in view state, never
 * read from the request), the actor is the signed-in user.
 */
@Named
@ViewScoped
public class UserBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the page shows, from the second path segment. */
    public enum Section {
        PROFILE,
        FOLLOWERS,
        FOLLOWING
    }

    @Inject
    transient AccountService accounts;

    @Inject
    transient FollowService follows;

    @Inject
    transient TimelineService timelines;

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
    String pageParam;

    private Section section;
    private UserCard user;
    private TimelineCursor cursor;
    private int pageNumber = 1;
    private boolean morePeople;
    private long followersCount;
    private long followingCount;
    private boolean viewerFollows;
    private boolean followsViewer;
    private List<Connection> connections = List.of();
    private transient PostPage posts;

    /** On GET: 404 for an unknown user or path, 400 for malformed paging; otherwise loads the view. */
    public void load() throws IOException {
        Optional<Section> known = section(sectionParam);
        Optional<User> found =
                extraParam == null && known.isPresent() ? accounts.findByUsername(usernameParam) : Optional.empty();
        if (found.isEmpty()) {
            Faces.responseSendError(404, "No such user");
            return;
        }
        section = known.get();
        user = UserCard.of(found.get());
        cursor = Paging.cursor(after).orElse(null);
        pageNumber = Paging.pageNumber(pageParam);
        refresh();
        if (section != Section.PROFILE) {
            loadConnections();
        }
    }

    private static Optional<Section> section(String segment) {
        if (segment == null) {
            return Optional.of(Section.PROFILE);
        }
        return switch (segment) {
            case "followers" -> Optional.of(Section.FOLLOWERS);
            case "following" -> Optional.of(Section.FOLLOWING);
            default -> Optional.empty();
        };
    }

    /** Follows {@code username} as the signed-in user, with a message; the counts change at once. */
    public void follow(String username) {
        change(username, true);
    }

    public void unfollow(String username) {
        change(username, false);
    }

    private void change(String username, boolean follow) {
        Optional<Long> viewer = currentUser.id();
        if (viewer.isEmpty()) {
            Messages.addGlobalError("follow.signInFirst");
            return;
        }
        try {
            if (follow) {
                follows.follow(viewer.get(), username);
                Messages.addGlobalInfo("follow.done", username);
            } else {
                follows.unfollow(viewer.get(), username);
                Messages.addGlobalInfo("unfollow.done", username);
            }
        } catch (MicroblogException refusal) {
            Messages.addGlobalError("message.text", refusal.getMessage(Texts.currentLocale()));
        }
        refresh();
        List<Connection> updated = new ArrayList<>(connections.size());
        for (Connection row : connections) {
            updated.add(row.withViewerFollows(isFollowedByViewer(row.person())));
        }
        connections = List.copyOf(updated);
    }

    private void refresh() {
        followersCount = follows.followersCount(user.id());
        followingCount = follows.followingCount(user.id());
        Optional<Long> viewer = currentUser.id();
        viewerFollows = viewer.map(id -> follows.isFollowing(id, user.id())).orElse(false);
        followsViewer = viewer.map(id -> follows.isFollowing(user.id(), id)).orElse(false);
    }

    private void loadConnections() {
        int first = (pageNumber - 1) * Paging.USERS_PER_PAGE;
        List<Follow> links = section == Section.FOLLOWERS
                ? follows.followers(user.id(), first, Paging.USERS_PER_PAGE + 1)
                : follows.following(user.id(), first, Paging.USERS_PER_PAGE + 1);
        morePeople = links.size() > Paging.USERS_PER_PAGE;
        List<Connection> rows = new ArrayList<>();
        for (Follow link : links.subList(0, Math.min(links.size(), Paging.USERS_PER_PAGE))) {
            UserCard person = UserCard.of(section == Section.FOLLOWERS ? link.getFollower() : link.getFollowed());
            rows.add(new Connection(person, link.getSince(), isFollowedByViewer(person), isViewer(person)));
        }
        connections = List.copyOf(rows);
    }

    private boolean isFollowedByViewer(UserCard person) {
        return currentUser.id().map(id -> follows.isFollowing(id, person.id())).orElse(false);
    }

    private boolean isViewer(UserCard person) {
        return currentUser.id().map(id -> id == person.id()).orElse(false);
    }

    public PostPage getPosts() {
        if (posts == null) {
            posts = timelines.byAuthor(user.id(), Optional.ofNullable(cursor), Paging.POSTS_PER_PAGE);
        }
        return posts;
    }

    public Section getSection() {
        return section;
    }

    public UserCard getUser() {
        return user;
    }

    /** Whether the signed-in user looks at their own profile. */
    public boolean isOwn() {
        return currentUser.id().map(id -> id == user.id()).orElse(false);
    }

    public long getFollowersCount() {
        return followersCount;
    }

    public long getFollowingCount() {
        return followingCount;
    }

    public boolean isViewerFollows() {
        return viewerFollows;
    }

    public boolean isFollowsViewer() {
        return followsViewer;
    }

    public List<Connection> getConnections() {
        return connections;
    }

    public int getPageNumber() {
        return pageNumber;
    }

    public boolean isMorePeople() {
        return morePeople;
    }
}
