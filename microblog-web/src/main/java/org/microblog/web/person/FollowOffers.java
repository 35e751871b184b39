package org.microblog.web.person;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.microblog.service.block.BlockService;
import org.microblog.service.follow.FollowService;
import org.microblog.web.session.CurrentUser;

/**
 * The {@link FollowOffer} of each person on a list (followers, following, suggestions) to the signed-in viewer:
 * two queries for the whole list (whom of them the viewer follows, who of them blocks or is blocked by the
 * viewer), not three reads per row.
 */
@RequestScoped
public class FollowOffers {

    @Inject
    CurrentUser currentUser;

    @Inject
    FollowService follows;

    @Inject
    BlockService blocks;

    /** The offer for each of {@code people} (user ids); all {@link FollowOffer#NONE} for a visitor. */
    public Map<Long, FollowOffer> forPeople(Collection<Long> people) {
        Map<Long, FollowOffer> offers = new HashMap<>();
        Optional<Long> viewer = currentUser.id();
        if (viewer.isEmpty() || people.isEmpty()) {
            people.forEach(id -> offers.put(id, FollowOffer.NONE));
            return offers;
        }
        long viewerId = viewer.get();
        Set<Long> followed = follows.followedAmong(viewerId, people);
        Set<Long> blocked = blocks.blockedEitherWay(viewerId, people);
        for (long id : people) {
            offers.put(id, FollowOffer.of(true, id == viewerId, followed.contains(id), blocked.contains(id)));
        }
        return offers;
    }

    /**
     * Those of {@code suggested} whom the viewer may follow now. A suggestion can be older than the page (the
     * home page keeps them for a while): someone blocked either way, or followed meanwhile, is left out rather
     * than shown with a button that the rule would not offer.
     */
    public <T> List<T> followable(List<T> suggested, ToLongFunction<T> id) {
        Optional<Long> viewer = currentUser.id();
        if (viewer.isEmpty() || suggested.isEmpty()) {
            return List.of();
        }
        Set<Long> followable = follows.followableAmong(
                viewer.get(), suggested.stream().map(id::applyAsLong).toList());
        return suggested.stream()
                .filter(s -> followable.contains(id.applyAsLong(s)))
                .toList();
    }
}
