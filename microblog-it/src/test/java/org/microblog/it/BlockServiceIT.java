package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.Block;
import org.microblog.domain.user.User;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.block.BlockService;
import org.microblog.service.block.FollowBlockedException;
import org.microblog.service.block.NotYourselfException;
import org.microblog.service.follow.FollowService;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;

@ExtendWith(ArquillianExtension.class)
class BlockServiceIT {

    @EJB
    Fixtures fixtures;

    @EJB
    BlockService blocks;

    @EJB
    FollowService follows;

    @EJB
    TimelineService timelines;

    @Test
    void blockingRemovesTheFollowLinksBothWaysAndTheirCounts() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User carl = fixtures.user("carl");
        follows.follow(ann.getId(), bob.getUsername());
        follows.follow(bob.getId(), ann.getUsername());
        follows.follow(carl.getId(), ann.getUsername());
        follows.follow(bob.getId(), carl.getUsername());

        assertTrue(blocks.block(ann.getId(), bob.getUsername()));

        assertFalse(follows.isFollowing(ann.getId(), bob.getId()));
        assertFalse(follows.isFollowing(bob.getId(), ann.getId()));
        assertEquals(1, follows.followersCount(ann.getId()), "carl still follows ann");
        assertEquals(0, follows.followingCount(ann.getId()));
        assertEquals(0, follows.followersCount(bob.getId()));
        assertEquals(1, follows.followingCount(bob.getId()), "bob still follows carl");
        assertTrue(blocks.isBlocking(ann.getId(), bob.getId()));
        assertFalse(blocks.isBlocking(bob.getId(), ann.getId()));
        assertTrue(blocks.eitherBlocks(bob.getId(), ann.getId()));
    }

    @Test
    void blockingTwiceKeepsOneBlockAndBlockingWithoutFollowsWorks() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");

        assertTrue(blocks.block(ann.getId(), bob.getUsername()));
        assertFalse(blocks.block(ann.getId(), bob.getUsername().toUpperCase()));

        assertEquals(1, blocks.blocked(ann.getId(), 0, 10).size());
        assertEquals(0, follows.followersCount(bob.getId()));
        assertEquals(0, follows.followingCount(ann.getId()));
    }

    @Test
    void blockingYourselfIsRefusedWithAClearMessage() {
        User ann = fixtures.user("ann");

        NotYourselfException refusal =
                assertThrows(NotYourselfException.class, () -> blocks.block(ann.getId(), ann.getUsername()));

        assertEquals("You cannot block yourself.", refusal.getMessage());
        assertThrows(NotYourselfException.class, () -> blocks.unblock(ann.getId(), ann.getUsername()));
        assertTrue(blocks.blocked(ann.getId(), 0, 10).isEmpty());
    }

    @Test
    void blockingAnUnknownUserIsRefused() {
        User ann = fixtures.user("ann");

        assertThrows(UserNotFoundException.class, () -> blocks.block(ann.getId(), "nobody-at-all"));
    }

    @Test
    void theBlockedCannotFollowTheBlockerNorTheBlockerThem() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        blocks.block(ann.getId(), bob.getUsername());

        FollowBlockedException byThem =
                assertThrows(FollowBlockedException.class, () -> follows.follow(bob.getId(), ann.getUsername()));
        FollowBlockedException byYou =
                assertThrows(FollowBlockedException.class, () -> follows.follow(ann.getId(), bob.getUsername()));

        assertEquals(
                "You cannot follow " + ann.getUsername() + ": " + ann.getUsername() + " has blocked you.",
                byThem.getMessage());
        assertEquals(
                "You have blocked " + bob.getUsername() + ". Unblock them first to follow them.", byYou.getMessage());
        assertEquals(0, follows.followersCount(ann.getId()));
        assertEquals(0, follows.followersCount(bob.getId()));
    }

    @Test
    void unblockingRestoresNoFollowButAllowsFollowingAgain() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(bob.getId(), ann.getUsername());
        blocks.block(ann.getId(), bob.getUsername());

        assertTrue(blocks.unblock(ann.getId(), bob.getUsername()));
        assertFalse(blocks.unblock(ann.getId(), bob.getUsername()));

        assertFalse(blocks.isBlocking(ann.getId(), bob.getId()));
        assertFalse(follows.isFollowing(bob.getId(), ann.getId()), "the follow does not come back by itself");
        assertEquals(0, follows.followersCount(ann.getId()));
        assertTrue(follows.follow(bob.getId(), ann.getUsername()));
        assertEquals(1, follows.followersCount(ann.getId()));
    }

    @Test
    void theBlockedListHoldsTheNewestBlockFirstWithTheUser() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User carl = fixtures.user("carl");
        blocks.block(ann.getId(), bob.getUsername());
        blocks.block(ann.getId(), carl.getUsername());
        blocks.block(carl.getId(), ann.getUsername());

        List<Block> blocked = blocks.blocked(ann.getId(), 0, 10);

        assertEquals(
                List.of(carl.getUsername(), bob.getUsername()),
                blocked.stream().map(b -> b.getBlocked().getUsername()).toList());
        assertEquals(1, blocks.blocked(ann.getId(), 1, 10).size());
        assertTrue(blocked.getFirst().getSince().isAfter(Instant.now().minusSeconds(60)));
    }

    @Test
    void profilePostsAreHiddenBetweenTheTwoEitherWay() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User carl = fixtures.user("carl");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        fixtures.post(ann, "by ann", t);
        fixtures.post(bob, "by bob", t);

        blocks.block(ann.getId(), bob.getUsername());

        assertEquals(
                0,
                timelines
                        .byAuthor(ann.getId(), bob.getId(), Optional.empty(), 10)
                        .posts()
                        .size());
        assertEquals(
                0,
                timelines
                        .byAuthor(bob.getId(), ann.getId(), Optional.empty(), 10)
                        .posts()
                        .size());
        assertEquals(
                1,
                timelines
                        .byAuthor(ann.getId(), carl.getId(), Optional.empty(), 10)
                        .posts()
                        .size());
        assertEquals(
                1,
                timelines
                        .byAuthor(ann.getId(), ann.getId(), Optional.empty(), 10)
                        .posts()
                        .size());
        assertEquals(
                1, timelines.byAuthor(ann.getId(), Optional.empty(), 10).posts().size(), "a visitor sees them");
    }

    @Test
    void homeTimelinesLoseEachOthersPostsBothWays() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Post byAnn = fixtures.post(ann, "by ann", t);
        Post byBob = fixtures.post(bob, "by bob", t.plusSeconds(1));
        follows.follow(ann.getId(), bob.getUsername());
        follows.follow(bob.getId(), ann.getUsername());
        assertEquals(
                2, timelines.home(ann.getId(), Optional.empty(), 10).posts().size());

        blocks.block(bob.getId(), ann.getUsername());

        assertEquals(List.of(byAnn.getId()), ids(timelines.home(ann.getId(), Optional.empty(), 10)));
        assertEquals(List.of(byBob.getId()), ids(timelines.home(bob.getId(), Optional.empty(), 10)));
    }

    @Test
    void exploreLeavesOutPostsOfPeopleYouBlockAndOfPeopleWhoBlockYou() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User carl = fixtures.user("carl");
        User dora = fixtures.user("dora");
        // A moment of this test's own, so that no other test's posts come between.
        Instant t = TimeOfItsOwn.newest();
        Post byAnn = fixtures.post(ann, "by ann", t);
        Post byBob = fixtures.post(bob, "by bob", t.minusMillis(1));
        Post byCarl = fixtures.post(carl, "by carl", t.minusMillis(2));
        Optional<TimelineCursor> from = Optional.of(TimelineCursor.before(t.plusMillis(1)));
        blocks.block(ann.getId(), bob.getUsername());
        blocks.block(carl.getId(), ann.getUsername());

        assertEquals(List.of(byAnn.getId()), ids(timelines.explore(ann.getId(), from, 1)));
        assertEquals(byAnn.getId(), ids(timelines.explore(ann.getId(), from, 2)).getFirst());
        assertFalse(ids(timelines.explore(ann.getId(), from, 2)).contains(byBob.getId()), "ann blocked bob");
        assertFalse(ids(timelines.explore(ann.getId(), from, 2)).contains(byCarl.getId()), "carl blocked ann");
        assertFalse(ids(timelines.explore(bob.getId(), from, 3)).contains(byAnn.getId()), "ann blocked bob");
        assertFalse(ids(timelines.explore(carl.getId(), from, 3)).contains(byAnn.getId()), "carl blocked ann");
        assertEquals(
                List.of(byAnn.getId(), byBob.getId(), byCarl.getId()),
                ids(timelines.explore(dora.getId(), from, 3)),
                "someone else sees all three");
        assertEquals(
                List.of(byAnn.getId(), byBob.getId(), byCarl.getId()),
                ids(timelines.explore(from, 3)),
                "so does a visitor");
    }

    @Test
    void removingAFollowerEndsTheirFollowAndLowersBothCounts() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(bob.getId(), ann.getUsername());
        follows.follow(ann.getId(), bob.getUsername());

        assertTrue(blocks.removeFollower(ann.getId(), bob.getUsername()));
        assertFalse(blocks.removeFollower(ann.getId(), bob.getUsername()));

        assertFalse(follows.isFollowing(bob.getId(), ann.getId()));
        assertTrue(follows.isFollowing(ann.getId(), bob.getId()), "ann still follows bob");
        assertEquals(0, follows.followersCount(ann.getId()));
        assertEquals(0, follows.followingCount(bob.getId()));
        assertEquals(1, follows.followingCount(ann.getId()));
        assertFalse(blocks.isBlocking(ann.getId(), bob.getId()), "no block");
        assertTrue(follows.follow(bob.getId(), ann.getUsername()), "a removed follower may follow again");
    }

    @Test
    void removingYourselfAsAFollowerIsRefused() {
        User ann = fixtures.user("ann");

        NotYourselfException refusal =
                assertThrows(NotYourselfException.class, () -> blocks.removeFollower(ann.getId(), ann.getUsername()));

        assertEquals("You are not one of your own followers.", refusal.getMessage());
    }

    @Test
    void aBlockAndFollowsAtTheSameMomentLeaveNoFollowAcrossTheBlock() throws Exception {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");

        List<Object> results = Concurrently.runAtOnce(List.<Callable<Object>>of(
                () -> blocks.block(ann.getId(), bob.getUsername()),
                () -> attempt(() -> follows.follow(bob.getId(), ann.getUsername())),
                () -> attempt(() -> follows.follow(ann.getId(), bob.getUsername())),
                () -> attempt(() -> follows.follow(bob.getId(), ann.getUsername()))));

        assertEquals(true, results.getFirst());
        assertFalse(follows.isFollowing(bob.getId(), ann.getId()), () -> "results " + results);
        assertFalse(follows.isFollowing(ann.getId(), bob.getId()), () -> "results " + results);
        assertEquals(0, follows.followersCount(ann.getId()));
        assertEquals(0, follows.followersCount(bob.getId()));
        assertEquals(0, follows.followingCount(ann.getId()));
        assertEquals(0, follows.followingCount(bob.getId()));
    }

    /** What a follow did: true or false, or the refusal's class name. */
    private static Object attempt(Callable<Boolean> follow) {
        try {
            return follow.call();
        } catch (FollowBlockedException refusal) {
            return refusal.getClass().getSimpleName();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Long> ids(PostPage page) {
        return page.posts().stream().map(Post::getId).toList();
    }
}
