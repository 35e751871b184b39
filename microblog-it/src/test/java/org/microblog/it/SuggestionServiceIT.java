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
import org.microblog.service.block.BlockService;
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

    @EJB
    BlockService blocks;

    private void follow(User who, User... whom) {
        for (User other : whom) {
            follows.follow(who.getId(), other.getUsername());
        }
    }

    private static List<String> names(List<Suggestion> list) {
        return list.stream().map(Suggestion::username).toList();
    }

    /** The names of the suggestions that come from the user's followings (the most-followed come after them). */
    private static List<String> fromFollowings(List<Suggestion> list) {
        return list.stream()
                .filter(Suggestion::isFollowedByFollowings)
                .map(Suggestion::username)
                .toList();
    }

    /** A user with {@code count} new followers: more than anyone else in the tests' database. */
    private User followedByMany(String name, int count) {
        User star = fixtures.user(name);
        for (int i = 0; i < count; i++) {
            follow(fixtures.user("fan"), star);
        }
        return star;
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

        assertEquals(List.of(x.getUsername(), y.getUsername(), z.getUsername()), names(found.subList(0, 3)));
        assertEquals(
                List.of(3, 2, 1),
                found.subList(0, 3).stream().map(Suggestion::followedByCount).toList());
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

        List<Suggestion> found = suggestions.suggest(me.getId(), 0, SuggestionService.MAX_PAGE_SIZE);

        assertEquals(List.of(stranger.getUsername()), fromFollowings(found));
        assertEquals(ann.getUsername(), found.getFirst().followedBy());
        assertFalse(names(found).contains(me.getUsername()), "never yourself, among the most-followed either");
        assertFalse(names(found).contains(known.getUsername()));
        assertFalse(names(found).contains(ann.getUsername()));
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

        assertEquals(List.of(popular.getUsername(), quiet.getUsername()), fromFollowings(found));
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
        // Most-followed people of its own for the pages after the followings' suggestions, whoever else there is.
        for (int i = 0; i < 3; i++) {
            follow(fixtures.user("fan"), fixtures.user("popular"));
        }

        List<Suggestion> all = suggestions.suggest(me.getId(), 0, 10);
        List<Suggestion> second = suggestions.suggest(me.getId(), 2, 2);
        List<Suggestion> fourth = suggestions.suggest(me.getId(), 6, 2);

        assertEquals(5, fromFollowings(all).size());
        assertEquals(names(all.subList(2, 4)), names(second));
        assertEquals(names(all.subList(6, 8)), names(fourth), "and on into the most-followed");
    }

    @Test
    void followingASuggestionTakesItOffTheList() {
        User me = fixtures.user("me");
        User ann = fixtures.user("ann");
        User x = fixtures.user("x");
        follow(me, ann);
        follow(ann, x);
        assertEquals(List.of(x.getUsername()), fromFollowings(suggestions.suggest(me.getId(), 0, 3)));

        follows.follow(me.getId(), x.getUsername());

        assertFalse(names(suggestions.suggest(me.getId(), 0, SuggestionService.MAX_PAGE_SIZE))
                .contains(x.getUsername()));
    }

    @Test
    void someoneWhoFollowsNobodyIsOfferedTheMostFollowedButNeverSomeoneBlockedEitherWay() {
        User me = fixtures.user("me");
        User star = followedByMany("star", 40);
        User blockedByMe = followedByMany("blockedbyme", 41);
        User blocksMe = followedByMany("blocksme", 42);
        blocks.block(me.getId(), blockedByMe.getUsername());
        blocks.block(blocksMe.getId(), me.getUsername());

        List<Suggestion> found = suggestions.suggest(me.getId(), 0, SuggestionService.MAX_PAGE_SIZE);

        assertTrue(names(found).contains(star.getUsername()), names(found)::toString);
        assertFalse(names(found).contains(blockedByMe.getUsername()));
        assertFalse(names(found).contains(blocksMe.getUsername()));
        assertTrue(fromFollowings(found).isEmpty());
        Suggestion starred = found.get(names(found).indexOf(star.getUsername()));
        assertEquals(40, starred.followersCount());
        assertEquals(0, starred.followedByCount());
    }

    @Test
    void peopleYourFollowingsFollowComeBeforeTheMostFollowed() {
        User me = fixtures.user("me");
        User ann = fixtures.user("ann");
        User friend = fixtures.user("friend");
        follow(me, ann);
        follow(ann, friend);
        User star = followedByMany("star", 40);

        List<String> found = names(suggestions.suggest(me.getId(), 0, SuggestionService.MAX_PAGE_SIZE));

        assertEquals(friend.getUsername(), found.getFirst());
        assertTrue(found.indexOf(star.getUsername()) > 0, found::toString);
    }

    @Test
    void someoneBlockedEitherWayIsNeverSuggestedThroughAFollowing() {
        User me = fixtures.user("me");
        User ann = fixtures.user("ann");
        User blockedByMe = fixtures.user("blockedbyme");
        User blocksMe = fixtures.user("blocksme");
        follow(me, ann);
        follow(ann, blockedByMe, blocksMe);
        blocks.block(me.getId(), blockedByMe.getUsername());
        blocks.block(blocksMe.getId(), me.getUsername());

        List<String> found = names(suggestions.suggest(me.getId(), 0, SuggestionService.MAX_PAGE_SIZE));

        assertFalse(found.contains(blockedByMe.getUsername()), found::toString);
        assertFalse(found.contains(blocksMe.getUsername()), found::toString);
    }
}
