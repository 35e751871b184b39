package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.post.Post;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.User;
import org.microblog.service.account.Passwords;
import org.microblog.service.follow.FollowService;
import org.microblog.service.timeline.TimelineService;

/**
 * The four unit tests of the Flask Mega-Tutorial's followers chapter (tests.py, UserModelCase), ported
 * one for one and run inside the server against the real services and database.
 */
@ExtendWith(ArquillianExtension.class)
class TutorialModelIT {

    @EJB
    Fixtures fixtures;

    @EJB
    FollowService follows;

    @EJB
    TimelineService timelines;

    @Inject
    Passwords passwords;

    @Test
    void passwordHashing() {
        String hash = passwords.hash("cat");

        assertFalse(passwords.matches("dog", hash));
        assertTrue(passwords.matches("cat", hash));
    }

    @Test
    void avatar() {
        User john = new User("john", "john@example.com", "hash");

        assertEquals(
                "https://www.gravatar.com/avatar/d4c74594d841139328695756648b6bd6?d=identicon&s=128",
                john.avatarUrl(128));
    }

    @Test
    void follow() {
        User john = fixtures.user("john");
        User susan = fixtures.user("susan");
        assertEquals(List.of(), usernames(follows.following(john.getId(), 0, 10), true));
        assertEquals(List.of(), usernames(follows.followers(susan.getId(), 0, 10), false));

        follows.follow(john.getId(), susan.getUsername());

        assertTrue(follows.isFollowing(john.getId(), susan.getId()));
        assertEquals(1, follows.followingCount(john.getId()));
        assertEquals(List.of(susan.getUsername()), usernames(follows.following(john.getId(), 0, 10), true));
        assertEquals(1, follows.followersCount(susan.getId()));
        assertEquals(List.of(john.getUsername()), usernames(follows.followers(susan.getId(), 0, 10), false));

        follows.unfollow(john.getId(), susan.getUsername());

        assertFalse(follows.isFollowing(john.getId(), susan.getId()));
        assertEquals(0, follows.followingCount(john.getId()));
        assertEquals(0, follows.followersCount(susan.getId()));
    }

    @Test
    void followPosts() {
        User john = fixtures.user("john");
        User susan = fixtures.user("susan");
        User mary = fixtures.user("mary");
        User david = fixtures.user("david");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Post p1 = fixtures.post(john, "post from john", now.plusSeconds(1));
        Post p2 = fixtures.post(susan, "post from susan", now.plusSeconds(4));
        Post p3 = fixtures.post(mary, "post from mary", now.plusSeconds(3));
        Post p4 = fixtures.post(david, "post from david", now.plusSeconds(2));

        follows.follow(john.getId(), susan.getUsername());
        follows.follow(john.getId(), david.getUsername());
        follows.follow(susan.getId(), mary.getUsername());
        follows.follow(mary.getId(), david.getUsername());

        assertEquals(List.of(p2.getId(), p4.getId(), p1.getId()), homeTimeline(john));
        assertEquals(List.of(p2.getId(), p3.getId()), homeTimeline(susan));
        assertEquals(List.of(p3.getId(), p4.getId()), homeTimeline(mary));
        assertEquals(List.of(p4.getId()), homeTimeline(david));
    }

    private List<Long> homeTimeline(User user) {
        return timelines.home(user.getId(), Optional.empty(), 20).posts().stream()
                .map(Post::getId)
                .toList();
    }

    private static List<String> usernames(List<Follow> links, boolean followed) {
        return links.stream()
                .map(link -> followed ? link.getFollowed() : link.getFollower())
                .map(User::getUsername)
                .toList();
    }
}
