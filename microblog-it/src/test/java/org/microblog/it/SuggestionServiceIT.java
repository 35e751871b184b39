package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.user.User;
import org.microblog.service.follow.FollowService;
import org.microblog.service.follow.Suggestion;
import org.microblog.service.follow.SuggestionService;

@ExtendWith(ArquillianExtension.class)
class SuggestionServiceIT {

    @EJB
    Fixtures fixtures;

    @EJB
    FollowService follows;

    @EJB
    SuggestionService suggestions;

    private void follow(User who, User... whom) {
        for (User other : whom) {
            follows.follow(who.getId(), other.getUsername());
        }
    }

    private static List<String> names(List<Suggestion> list) {
        return list.stream().map(Suggestion::username).toList();
    }

    @Test
    void suggestsWhomTheFollowedFollowMostOfThemFirst() {
        User me = fixtures.user("me");
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User cid = fixtures.user("cid");
        User x = fixtures.user("x");
        User y = fixtures.user("y");
        User z = fixtures.user("z");
        follow(me, ann, bob, cid);
        follow(ann, x, y);
        follow(bob, x, z);
        follow(cid, x, y);

        List<Suggestion> found = suggestions.suggest(me.getId(), 0, 10);

        assertEquals(List.of(x.getUsername(), y.getUsername(), z.getUsername()), names(found));
        assertEquals(
                List.of(3, 2, 1),
                found.stream().map(Suggestion::followedByCount).toList());
        assertTrue(Set.of(ann.getUsername(), bob.getUsername(), cid.getUsername())
                .contains(found.get(0).followedBy()));
        assertEquals(2, found.get(0).others(), "x: followed by one of them and 2 others");
        assertTrue(Set.of(ann.getUsername(), cid.getUsername())
                .contains(found.get(1).followedBy()));
        assertEquals(1, found.get(1).others());
        assertEquals(bob.getUsername(), found.get(2).followedBy(), "z is followed by bob alone");
        assertEquals(0, found.get(2).others());
    }

    @Test
    void neverSuggestsYourselfOrSomeoneYouFollowAlready() {
        User me = fixtures.user("me");
        User ann = fixtures.user("ann");
        User known = fixtures.user("known");
        User stranger = fixtures.user("stranger");
        follow(me, ann, known);
        follow(ann, me, known, stranger);

        List<Suggestion> found = suggestions.suggest(me.getId(), 0, 10);

        assertEquals(List.of(stranger.getUsername()), names(found));
        assertEquals(ann.getUsername(), found.getFirst().followedBy());
    }

    @Test
    void equallyFollowedSuggestionsComeMostFollowedFirst() {
        User me = fixtures.user("me");
        User ann = fixtures.user("ann");
        User quiet = fixtures.user("quiet");
        User popular = fixtures.user("popular");
        follow(me, ann);
        follow(ann, quiet, popular);
        follow(fixtures.user("fan"), popular);
        follow(fixtures.user("fan"), popular);

        List<Suggestion> found = suggestions.suggest(me.getId(), 0, 10);

        assertEquals(List.of(popular.getUsername(), quiet.getUsername()), names(found));
        assertEquals(3, found.getFirst().followersCount());
    }

    @Test
    void suggestionsComeInPages() {
        User me = fixtures.user("me");
        User ann = fixtures.user("ann");
        follow(me, ann);
        for (int i = 0; i < 5; i++) {
            follow(ann, fixtures.user("p" + i));
        }

        List<Suggestion> all = suggestions.suggest(me.getId(), 0, 10);
        List<Suggestion> second = suggestions.suggest(me.getId(), 2, 2);
        List<Suggestion> beyond = suggestions.suggest(me.getId(), 10, 2);

        assertEquals(5, all.size());
        assertEquals(names(all.subList(2, 4)), names(second));
        assertTrue(beyond.isEmpty());
    }

    @Test
    void followingASuggestionTakesItOffTheList() {
        User me = fixtures.user("me");
        User ann = fixtures.user("ann");
        User x = fixtures.user("x");
        follow(me, ann);
        follow(ann, x);
        assertEquals(List.of(x.getUsername()), names(suggestions.suggest(me.getId(), 0, 3)));

        follows.follow(me.getId(), x.getUsername());

        assertTrue(suggestions.suggest(me.getId(), 0, 3).isEmpty());
    }

    @Test
    void someoneWhoFollowsNobodyGetsNoSuggestions() {
        User me = fixtures.user("me");
        follow(fixtures.user("fan"), me);

        assertFalse(suggestions.suggest(me.getId(), 0, 3).iterator().hasNext());
    }
}
