package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;
import org.microblog.service.block.NotYourselfException;
import org.microblog.service.follow.FollowService;
import org.microblog.service.mute.MuteService;
import org.microblog.service.mute.NotFollowingException;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;

@ExtendWith(ArquillianExtension.class)
class MuteServiceIT {

    @EJB
    Fixtures fixtures;

    @EJB
    MuteService mutes;

    @EJB
    FollowService follows;

    @EJB
    TimelineService timelines;

    @Test
    void mutingKeepsTheFollowAndTheCountsAndTakesThePostsOffTheHomeTimelineOnly() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User carl = fixtures.user("carl");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Post own = fixtures.post(ann, "by ann", t);
        Post byBob = fixtures.post(bob, "by bob", t.plusSeconds(1));
        Post byCarl = fixtures.post(carl, "by carl", t.plusSeconds(2));
        follows.follow(ann.getId(), bob.getUsername());
        follows.follow(ann.getId(), carl.getUsername());

        assertTrue(mutes.mute(ann.getId(), bob.getUsername()));

        assertEquals(List.of(byCarl.getId(), own.getId()), ids(timelines.home(ann.getId(), Optional.empty(), 10)));
        assertTrue(follows.isFollowing(ann.getId(), bob.getId()));
        assertTrue(mutes.isMuted(ann.getId(), bob.getId()));
        assertFalse(mutes.isMuted(ann.getId(), carl.getId()));
        assertEquals(2, follows.followingCount(ann.getId()));
        assertEquals(1, follows.followersCount(bob.getId()));
        assertEquals(2, follows.following(ann.getId(), 0, 10).size());
        assertEquals(
                List.of(byBob.getId()),
                ids(timelines.byAuthor(bob.getId(), ann.getId(), Optional.empty(), 10)),
                "the profile still shows them");
    }

    @Test
    void mutingHidesThePostsOnLaterPagesToo() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Long> annPosts = fixtures.posts(ann, 4, t);
        fixtures.posts(bob, 4, t.minusMillis(500));
        follows.follow(ann.getId(), bob.getUsername());
        mutes.mute(ann.getId(), bob.getUsername());

        PostPage first = timelines.home(ann.getId(), Optional.empty(), 2);
        PostPage second = timelines.home(ann.getId(), first.next(), 10);

        assertEquals(annPosts.subList(0, 2), ids(first));
        assertEquals(annPosts.subList(2, 4), ids(second));
    }

    @Test
    void unmutingBringsThePostsBack() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        Post byBob = fixtures.post(bob, "by bob", Instant.now());
        follows.follow(ann.getId(), bob.getUsername());
        mutes.mute(ann.getId(), bob.getUsername());
        assertTrue(timelines.home(ann.getId(), Optional.empty(), 10).posts().isEmpty());

        assertTrue(mutes.unmute(ann.getId(), bob.getUsername()));
        assertFalse(mutes.unmute(ann.getId(), bob.getUsername()));

        assertEquals(List.of(byBob.getId()), ids(timelines.home(ann.getId(), Optional.empty(), 10)));
        assertFalse(mutes.isMuted(ann.getId(), bob.getId()));
    }

    @Test
    void mutingTwiceChangesNothingAndAMuteEndsWithTheFollow() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        Post byBob = fixtures.post(bob, "by bob", Instant.now());
        follows.follow(ann.getId(), bob.getUsername());

        assertTrue(mutes.mute(ann.getId(), bob.getUsername()));
        assertFalse(mutes.mute(ann.getId(), bob.getUsername().toUpperCase()));
        follows.unfollow(ann.getId(), bob.getUsername());
        follows.follow(ann.getId(), bob.getUsername());

        assertFalse(mutes.isMuted(ann.getId(), bob.getId()), "a new follow starts unmuted");
        assertEquals(List.of(byBob.getId()), ids(timelines.home(ann.getId(), Optional.empty(), 10)));
    }

    @Test
    void mutingSomeoneNotFollowedOrYourselfIsRefused() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");

        NotFollowingException notFollowing =
                assertThrows(NotFollowingException.class, () -> mutes.mute(ann.getId(), bob.getUsername()));
        NotYourselfException yourself =
                assertThrows(NotYourselfException.class, () -> mutes.mute(ann.getId(), ann.getUsername()));

        assertEquals(
                "You can only mute people you follow, and you do not follow " + bob.getUsername() + ".",
                notFollowing.getMessage());
        assertEquals("You cannot mute yourself: your own posts are always on your timeline.", yourself.getMessage());
        assertFalse(mutes.unmute(ann.getId(), bob.getUsername()));
        assertFalse(mutes.isMuted(ann.getId(), ann.getId()));
    }

    /** On Derby, a user who follows hundreds reads the home timeline through a hash join: it skips muted links too. */
    @Test
    void aUserWhoFollowsHundredsDoesNotSeeTheMutedOnes() {
        User reader = fixtures.user("reader");
        List<User> followed = new ArrayList<>();
        for (int i = 0; i < 405; i++) {
            followed.add(fixtures.user("followed"));
            follows.follow(reader.getId(), followed.getLast().getUsername());
        }
        // A time of its own, so that no other test's posts fall between these.
        Instant t = TimeOfItsOwn.newest();
        fixtures.posts(followed.getFirst(), 3, t);
        List<Long> expected = new ArrayList<>(fixtures.posts(followed.get(100), 2, t.minusSeconds(10)));
        fixtures.posts(followed.getLast(), 2, t.minus(3, ChronoUnit.DAYS));
        expected.addAll(fixtures.posts(followed.get(200), 2, t.minus(30, ChronoUnit.DAYS)));
        mutes.mute(reader.getId(), followed.getFirst().getUsername());
        mutes.mute(reader.getId(), followed.getLast().getUsername());

        PostPage page = timelines.home(reader.getId(), Optional.of(TimelineCursor.before(t.plusSeconds(1))), 4);

        assertEquals(expected, ids(page));
        assertEquals(405, follows.followingCount(reader.getId()));
    }

    @Test
    void mutingLeavesExploreAlone() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        // A moment of this test's own: explore lists everyone's posts.
        Instant t = TimeOfItsOwn.newest();
        Post byBob = fixtures.post(bob, "by bob", t);
        follows.follow(ann.getId(), bob.getUsername());
        mutes.mute(ann.getId(), bob.getUsername());

        assertEquals(
                List.of(byBob.getId()),
                ids(timelines.explore(ann.getId(), Optional.of(TimelineCursor.before(t.plusMillis(1))), 1)));
    }

    private static List<Long> ids(PostPage page) {
        return page.posts().stream().map(Post::getId).toList();
    }
}
