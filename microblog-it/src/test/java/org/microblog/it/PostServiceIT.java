package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJB;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.post.Post;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.post.PostNotFoundException;
import org.microblog.service.post.PostService;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;

@ExtendWith(ArquillianExtension.class)
class PostServiceIT {

    @EJB
    Fixtures fixtures;

    @EJB
    PostService posts;

    @EJB
    FollowService follows;

    @EJB
    TimelineService timelines;

    @EJB
    AccountService accounts;

    @Test
    void publishingAndDeletingKeepTheAuthorsPostCountEvenWhenPostsArriveAtOnce() throws Exception {
        User ann = fixtures.user("ann");
        List<Long> ids = Concurrently.runAtOnce(
                8, () -> posts.publish(ann.getId(), "at once").getId());
        posts.delete(ann.getId(), ids.getFirst());

        assertEquals(7, accounts.getById(ann.getId()).getPostsCount());
    }

    @Test
    void aDeletedPostLeavesTheAuthorsProfileAndEveryFollowersTimelineAndTheOthersStay() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(bob.getId(), ann.getUsername());
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Post kept = fixtures.post(ann, "kept", t);
        Post deleted = fixtures.post(ann, "deleted", t.plusSeconds(1));

        posts.delete(ann.getId(), deleted.getId());

        assertEquals(List.of(kept.getId()), ids(timelines.byAuthor(ann.getId(), ann.getId(), Optional.empty(), 10)));
        assertEquals(List.of(kept.getId()), ids(timelines.home(bob.getId(), Optional.empty(), 10)));
        assertEquals(List.of(kept.getId()), ids(timelines.home(ann.getId(), Optional.empty(), 10)));
        assertThrows(PostNotFoundException.class, () -> posts.getOwn(ann.getId(), deleted.getId()));
    }

    @Test
    void onlyTheAuthorFindsOrDeletesAPostAndARefusalTakesNothingAway() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        Post post = fixtures.post(ann, "mine", Instant.now().truncatedTo(ChronoUnit.MILLIS));

        assertThrows(PostNotFoundException.class, () -> posts.delete(bob.getId(), post.getId()));
        assertThrows(PostNotFoundException.class, () -> posts.getOwn(bob.getId(), post.getId()));

        assertEquals("mine", posts.getOwn(ann.getId(), post.getId()).getBody());
        assertEquals(List.of(post.getId()), ids(timelines.byAuthor(ann.getId(), bob.getId(), Optional.empty(), 10)));
    }

    @Test
    void deletingAPostTwiceOrOneThatNeverExistedIsRefused() {
        User ann = fixtures.user("ann");
        Post post = fixtures.post(ann, "once", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        posts.delete(ann.getId(), post.getId());

        assertThrows(PostNotFoundException.class, () -> posts.delete(ann.getId(), post.getId()));
        assertThrows(PostNotFoundException.class, () -> posts.delete(ann.getId(), Long.MAX_VALUE));
    }

    private static List<Long> ids(PostPage page) {
        return page.posts().stream().map(Post::getId).toList();
    }
}
