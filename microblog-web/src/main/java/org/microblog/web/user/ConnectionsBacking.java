package org.microblog.web.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microblog.domain.user.Follow;
import org.microblog.service.follow.FollowService;
import org.microblog.web.avatar.Avatars;
import org.microblog.web.paging.Paging;
import org.microblog.web.person.FollowOffer;
import org.microblog.web.person.FollowOffers;
import org.microblog.web.person.RelationshipChanged;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;

/**
 * Backs the paged lists {@code /user/{name}/followers} and {@code /user/{name}/following}: who, since
 * when, and the follow button the viewer gets for each ({@link FollowOffers}: none across a block).
 */
@Named
@RequestScoped
public class ConnectionsBacking {

    @Inject
    FollowService follows;

    @Inject
    CurrentUser currentUser;

    @Inject
    FollowOffers followOffers;

    @Inject
    ProfileBacking profile;

    @Inject
    Avatars avatars;

    @Inject
    @Param(name = "page")
    String pageParam;

    private boolean morePeople;
    private List<Connection> connections;

    public List<Connection> getConnections() {
        if (connections == null) {
            connections = profile.user()
                    .map(user -> load(user.id(), profile.getSection() == Section.FOLLOWERS))
                    .orElse(List.of());
        }
        return connections;
    }

    private List<Connection> load(long userId, boolean followers) {
        int first = (getPageNumber() - 1) * Paging.USERS_PER_PAGE;
        List<Follow> links = followers
                ? follows.followers(userId, first, Paging.USERS_PER_PAGE + 1)
                : follows.following(userId, first, Paging.USERS_PER_PAGE + 1);
        morePeople = links.size() > Paging.USERS_PER_PAGE;
        Optional<Long> viewer = currentUser.id();
        List<Follow> shown = links.subList(0, Math.min(links.size(), Paging.USERS_PER_PAGE));
        List<UserCard> people = shown.stream()
                .map(link -> UserCard.of(followers ? link.getFollower() : link.getFollowed(), avatars))
                .toList();
        Map<Long, FollowOffer> offers =
                followOffers.forPeople(people.stream().map(UserCard::id).toList());
        List<Connection> rows = new ArrayList<>();
        boolean ownFollowers = followers && profile.isOwn();
        for (int i = 0; i < shown.size(); i++) {
            UserCard person = people.get(i);
            boolean isViewer = viewer.filter(id -> id == person.id()).isPresent();
            rows.add(new Connection(
                    person, shown.get(i).getSince(), offers.get(person.id()), isViewer, ownFollowers && !isViewer));
        }
        return List.copyOf(rows);
    }

    public boolean isMorePeople() {
        getConnections();
        return morePeople;
    }

    /** The page shown (the parameter is checked by ProfileBacking). */
    public int getPageNumber() {
        return Paging.pageNumber(pageParam);
    }

    /** A follow or unfollow in this request: show the buttons as they are now. */
    void relationshipChanged(@Observes(notifyObserver = Reception.IF_EXISTS) RelationshipChanged change) {
        connections = null;
    }
}
