package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.User;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.block.BlockService;
import org.microblog.service.follow.CannotFollowSelfException;
import org.microblog.service.follow.FollowService;

@ExtendWith(ArquillianExtension.class)
class FollowServiceIT {

    @EJB
    Fixtures fixtures;

    @EJB
    FollowService follows;

    @EJB
    BlockService blocks;

    @Test
    void followingTwiceKeepsOneLink() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");

        assertTrue(follows.follow(ann.getId(), bob.getUsername()));
        assertFalse(follows.follow(ann.getId(), bob.getUsername()));

        assertEquals(1, follows.followersCount(bob.getId()));
        assertEquals(1, follows.followingCount(ann.getId()));
        assertEquals(1, follows.following(ann.getId(), 0, 10).size());
    }

    @Test
    void onlyPeopleNotFollowedNotBlockedEitherWayAndNotOneselfAreFollowable() {
        User ann = fixtures.user("ann");
        User followed = fixtures.user("bob");
        User blockedByAnn = fixtures.user("carl");
        User blockingAnn = fixtures.user("dora");
        User free = fixtures.user("ed");
        follows.follow(ann.getId(), followed.getUsername());
        blocks.block(ann.getId(), blockedByAnn.getUsername());
        blocks.block(blockingAnn.getId(), ann.getUsername());
        long nobody = free.getId() + 1_000_000;

        Set<Long> followable = follows.followableAmong(
                ann.getId(),
                List.of(
                        ann.getId(),
                        followed.getId(),
                        blockedByAnn.getId(),
                        blockingAnn.getId(),
                        free.getId(),
                        nobody));

        assertEquals(Set.of(free.getId()), followable);
        assertEquals(Set.of(), follows.followableAmong(ann.getId(), List.of()));
    }

    @Test
    void unfollowingSomeoneNotFollowedChangesNothing() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User carl = fixtures.user("carl");
        follows.follow(ann.getId(), carl.getUsername());

        assertFalse(follows.unfollow(ann.getId(), bob.getUsername()));

        assertEquals(1, follows.followingCount(ann.getId()));
        assertTrue(follows.isFollowing(ann.getId(), carl.getId()));
    }

    @Test
    void unfollowingTwiceRemovesTheLinkOnce() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(ann.getId(), bob.getUsername());

        assertTrue(follows.unfollow(ann.getId(), bob.getUsername()));
        assertFalse(follows.unfollow(ann.getId(), bob.getUsername()));

        assertEquals(0, follows.followersCount(bob.getId()));
    }

    @Test
    void followingYourselfIsRefusedWithAClearMessage() {
        User ann = fixtures.user("ann");

        CannotFollowSelfException refusal =
                assertThrows(CannotFollowSelfException.class, () -> follows.follow(ann.getId(), ann.getUsername()));

        assertEquals("You cannot follow yourself!", refusal.getMessage());
        assertFalse(follows.isFollowing(ann.getId(), ann.getId()));
        assertEquals(0, follows.followingCount(ann.getId()));
        assertEquals(0, follows.followersCount(ann.getId()));
    }

    @Test
    void unfollowingYourselfIsRefused() {
        User ann = fixtures.user("ann");

        assertThrows(CannotFollowSelfException.class, () -> follows.unfollow(ann.getId(), ann.getUsername()));
    }

    @Test
    void followingByNameFindsTheUserWhateverTheCase() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("Bob");

        assertTrue(follows.follow(ann.getId(), bob.getUsername().toUpperCase(Locale.ROOT)));
        assertFalse(follows.follow(ann.getId(), bob.getUsername().toLowerCase(Locale.ROOT)));
        assertEquals(1, follows.followersCount(bob.getId()));

        assertTrue(follows.unfollow(ann.getId(), bob.getUsername().toLowerCase(Locale.ROOT)));
        assertEquals(0, follows.followersCount(bob.getId()));
        assertThrows(
                CannotFollowSelfException.class,
                () -> follows.follow(ann.getId(), ann.getUsername().toUpperCase(Locale.ROOT)));
    }

    @Test
    void followingAnUnknownUserIsRefusedWithAClearMessage() {
        User ann = fixtures.user("ann");

        UserNotFoundException refusal =
                assertThrows(UserNotFoundException.class, () -> follows.follow(ann.getId(), "nobody-here"));

        assertEquals("User nobody-here not found.", refusal.getMessage());
        assertEquals(0, follows.followingCount(ann.getId()));
    }

    @Test
    void followRecordsTheDateItBegan() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        Instant before = Instant.now().minusSeconds(2);

        follows.follow(ann.getId(), bob.getUsername());

        Follow link = follows.followers(bob.getId(), 0, 10).getFirst();
        assertEquals(ann.getUsername(), link.getFollower().getUsername());
        assertTrue(link.getSince().isAfter(before), () -> "since " + link.getSince() + " is before " + before);
        assertTrue(link.getSince().isBefore(Instant.now().plusSeconds(2)));
    }

    @Test
    void countsLeaveOutTheUsersOwnLinkAndCountEveryFollower() {
        User star = fixtures.user("star");
        List<User> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            User fan = fixtures.user("fan");
            follows.follow(fan.getId(), star.getUsername());
            fans.add(fan);
        }
        follows.follow(star.getId(), fans.getFirst().getUsername());

        assertEquals(5, follows.followersCount(star.getId()));
        assertEquals(1, follows.followingCount(star.getId()));
        assertEquals(5, follows.followers(star.getId(), 0, 100).size());
        assertEquals(2, follows.followers(star.getId(), 3, 100).size());
    }

    @Test
    void concurrentIdenticalFollowsLeaveExactlyOneLinkAndNoError() throws Exception {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");

        List<Boolean> made = Concurrently.runAtOnce(8, () -> follows.follow(ann.getId(), bob.getUsername()));

        assertEquals(1, made.stream().filter(Boolean::booleanValue).count(), () -> "links made: " + made);
        assertEquals(1, follows.followersCount(bob.getId()));
        assertTrue(follows.isFollowing(ann.getId(), bob.getId()));
    }

    @Test
    void concurrentFollowsBothWaysKeepTheCountsExactAndNeverDeadlock() throws Exception {
        User star = fixtures.user("star");
        List<User> fans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fans.add(fixtures.user("fan"));
        }
        List<Callable<Boolean>> burst = new ArrayList<>();
        for (User fan : fans) {
            // each pair follows each other at the same moment: the two transactions lock the same two rows
            burst.add(() -> follows.follow(fan.getId(), star.getUsername()));
            burst.add(() -> follows.follow(star.getId(), fan.getUsername()));
        }

        List<Boolean> made = Concurrently.runAtOnce(burst);

        assertEquals(List.of(true, true, true, true, true, true, true, true, true, true, true, true), made);
        assertEquals(fans.size(), follows.followersCount(star.getId()));
        assertEquals(fans.size(), follows.followingCount(star.getId()));
        assertEquals(fans.size(), follows.followers(star.getId(), 0, 100).size());
        for (User fan : fans) {
            assertEquals(1, follows.followersCount(fan.getId()));
            assertEquals(1, follows.followingCount(fan.getId()));
        }
    }

    @Test
    void unfollowLowersBothCountsOnce() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(ann.getId(), bob.getUsername());
        follows.follow(bob.getId(), ann.getUsername());

        assertTrue(follows.unfollow(bob.getId(), ann.getUsername()));
        assertFalse(follows.unfollow(bob.getId(), ann.getUsername()));

        assertEquals(1, follows.followersCount(bob.getId()));
        assertEquals(0, follows.followingCount(bob.getId()));
        assertEquals(0, follows.followersCount(ann.getId()));
        assertEquals(1, follows.followingCount(ann.getId()));
    }

    @Test
    void countsOfAnUnknownUserAreZero() {
        assertEquals(0, follows.followersCount(Long.MAX_VALUE));
        assertEquals(0, follows.followingCount(Long.MAX_VALUE));
    }
}
