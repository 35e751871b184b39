package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.post.PostService;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;

@ExtendWith(ArquillianExtension.class)
class TimelineServiceIT {

    @EJB
    Fixtures fixtures;

    @EJB
    FollowService follows;

    @EJB
    PostService posting;

    @EJB
    TimelineService timelines;

    @EJB
    AccountService accounts;

    @Test
    void timelineMergesOwnAndFollowedPostsNewestFirst() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User stranger = fixtures.user("stranger");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Post own = fixtures.post(ann, "mine", t.plusSeconds(1));
        Post followed = fixtures.post(bob, "bob's", t.plusSeconds(2));
        fixtures.post(stranger, "not followed", t.plusSeconds(3));
        follows.follow(ann.getId(), bob.getUsername());

        assertEquals(List.of(followed.getId(), own.getId()), ids(timelines.home(ann.getId(), Optional.empty(), 10)));
    }

    @Test
    void timelineHoldsEachPostOnceWhenItsAuthorHasManyFollowers() {
        User star = fixtures.user("star");
        User reader = fixtures.user("reader");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 12; i++) {
            User fan = fixtures.user("fan");
            follows.follow(fan.getId(), star.getUsername());
            follows.follow(star.getId(), fan.getUsername());
            follows.follow(reader.getId(), fan.getUsername());
        }
        follows.follow(reader.getId(), star.getUsername());
        Post p1 = fixtures.post(star, "one", t.plusSeconds(1));
        Post p2 = fixtures.post(star, "two", t.plusSeconds(2));

        assertEquals(List.of(p2.getId(), p1.getId()), ids(timelines.home(reader.getId(), Optional.empty(), 50)));
        assertEquals(List.of(p2.getId(), p1.getId()), ids(timelines.home(star.getId(), Optional.empty(), 50)));
    }

    @Test
    void unfollowedAuthorsLeaveTheTimeline() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        fixtures.post(bob, "hello", Instant.now());
        follows.follow(ann.getId(), bob.getUsername());
        assertEquals(
                1, timelines.home(ann.getId(), Optional.empty(), 10).posts().size());

        follows.unfollow(ann.getId(), bob.getUsername());

        assertEquals(
                List.of(), timelines.home(ann.getId(), Optional.empty(), 10).posts());
    }

    @Test
    void cursorPagingNeitherRepeatsNorSkipsWhileNewPostsArrive() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(ann.getId(), bob.getUsername());
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Two posts share each timestamp, so that page boundaries fall between equal times.
            User author = i % 2 == 0 ? ann : bob;
            expected.addFirst(
                    fixtures.post(author, "post " + i, t.plusSeconds(i / 2)).getId());
        }

        List<Long> seen = new ArrayList<>();
        PostPage page = timelines.home(ann.getId(), Optional.empty(), 10);
        seen.addAll(ids(page));
        int pages = 1;
        while (page.next().isPresent()) {
            posting.publish(bob.getId(), "arrives while ann reads page " + pages);
            page = timelines.home(ann.getId(), page.next(), 10);
            seen.addAll(ids(page));
            pages++;
        }

        assertEquals(expected, seen);
        assertEquals(3, pages);
        assertEquals(expected.size(), new HashSet<>(seen).size());
    }

    @Test
    void timelineReachesPostsFarOlderThanItsFirstTimeWindow() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(ann.getId(), bob.getUsername());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The first window (for one followed user) ends at the newest post; these need older windows, then none.
        Post hours = fixtures.post(bob, "two hours ago", now.minus(2, ChronoUnit.HOURS));
        Post days = fixtures.post(ann, "three days ago", now.minus(3, ChronoUnit.DAYS));
        Post year = fixtures.post(bob, "400 days ago", now.minus(400, ChronoUnit.DAYS));
        Post ancient = fixtures.post(ann, "five years ago", now.minus(5 * 365, ChronoUnit.DAYS));

        PostPage first = timelines.home(ann.getId(), Optional.empty(), 2);
        PostPage second = timelines.home(ann.getId(), first.next(), 2);

        assertEquals(List.of(hours.getId(), days.getId()), ids(first));
        assertEquals(List.of(year.getId(), ancient.getId()), ids(second));
        assertTrue(second.next().isEmpty());
        assertEquals(
                List.of(hours.getId(), days.getId(), year.getId(), ancient.getId()),
                ids(timelines.home(ann.getId(), Optional.empty(), 10)));
    }

    @Test
    void aFullFirstWindowStillLeavesTheOlderPostsForTheNextPage() {
        User ann = fixtures.user("ann");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Post old = fixtures.post(ann, "a month ago", now.minus(30, ChronoUnit.DAYS));
        List<Long> recent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recent.addFirst(fixtures.post(ann, "recent " + i, now.minus(3 - i, ChronoUnit.HOURS))
                    .getId());
        }

        PostPage first = timelines.home(ann.getId(), Optional.empty(), 2);
        PostPage second = timelines.home(ann.getId(), first.next(), 2);

        assertEquals(recent.subList(0, 2), ids(first));
        assertEquals(List.of(recent.get(2), old.getId()), ids(second));
        assertTrue(second.next().isEmpty());
    }

    /**
     * A user who follows hundreds gets their pages, on Derby, from a hash join over the newest posts: a first
     * time window, a widened one, and then the loop over the followed users for posts older than both.
     */
    @Test
    void aUserWhoFollowsHundredsSeesExactlyTheirPostsHoweverOldTheyAre() {
        User reader = fixtures.user("reader");
        List<User> followed = new ArrayList<>();
        for (int i = 0; i < 410; i++) {
            followed.add(fixtures.user("followed"));
            follows.follow(reader.getId(), followed.getLast().getUsername());
        }
        User stranger = fixtures.user("stranger");
        // A time of its own, so that no other test's posts fall between these.
        Instant t = TimeOfItsOwn.newest();
        List<Long> expected = new ArrayList<>(fixtures.posts(followed.getFirst(), 3, t));
        expected.add(fixtures.post(reader, "own", t.minusSeconds(3)).getId());
        fixtures.posts(stranger, 50, t.minusSeconds(10));
        expected.addAll(fixtures.posts(followed.getLast(), 4, t.minus(3, ChronoUnit.DAYS)));
        expected.addAll(fixtures.posts(followed.get(200), 2, t.minus(30, ChronoUnit.DAYS)));

        List<Long> seen = new ArrayList<>();
        Optional<TimelineCursor> cursor = Optional.of(TimelineCursor.before(t.plusSeconds(1)));
        do {
            PostPage page = timelines.home(reader.getId(), cursor, 3);
            seen.addAll(ids(page));
            cursor = page.next();
        } while (cursor.isPresent());

        assertEquals(expected, seen);
        assertEquals(expected.subList(0, 3), ids(timelines.home(reader.getId(), Optional.empty(), 3)));
    }

    @Test
    void aCursorSurvivesItsTextForm() {
        User ann = fixtures.user("ann");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 3; i++) {
            fixtures.post(ann, "post " + i, t.plusMillis(i));
        }
        PostPage first = timelines.byAuthor(ann.getId(), Optional.empty(), 2);
        Optional<TimelineCursor> parsed =
                TimelineCursor.parse(first.next().orElseThrow().token());

        PostPage second = timelines.byAuthor(ann.getId(), parsed, 2);

        assertEquals(1, second.posts().size());
        assertEquals("post 0", second.posts().getFirst().getBody());
        assertTrue(second.next().isEmpty());
    }

    @Test
    void profileListsOnlyTheAuthorsPosts() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Post a1 = fixtures.post(ann, "a1", t);
        fixtures.post(bob, "b1", t.plusSeconds(1));
        Post a2 = fixtures.post(ann, "a2", t.plusSeconds(2));

        assertEquals(List.of(a2.getId(), a1.getId()), ids(timelines.byAuthor(ann.getId(), Optional.empty(), 10)));
    }

    @Test
    void exploreListsEveryonesPostsNewestFirst() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        // After the newest post there is, whoever made it: these two are then the newest on the site.
        Instant after = newestOnTheSite().truncatedTo(ChronoUnit.MILLIS);
        Post a = fixtures.post(ann, "from ann", after.plusSeconds(1));
        Post b = fixtures.post(bob, "from bob", after.plusSeconds(2));

        List<Long> newest = ids(timelines.explore(Optional.empty(), 2));

        assertEquals(List.of(b.getId(), a.getId()), newest);
    }

    @Test
    void exploreListsEveryonesPostsNewestFirstFromACursor() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        Instant t = TimeOfItsOwn.newest();
        Post a = fixtures.post(ann, "from ann", t.minusSeconds(1));
        Post b = fixtures.post(bob, "from bob", t);

        List<Long> newest = ids(timelines.explore(Optional.of(TimelineCursor.before(t.plusMillis(1))), 2));

        assertEquals(List.of(b.getId(), a.getId()), newest);
    }

    @Test
    void postsAreStrippedAndKeptToTheMillisecond() {
        User ann = fixtures.user("ann");

        Post post = posting.publish(ann.getId(), "  hello  ");

        assertEquals("hello", post.getBody());
        assertEquals(post.getTimestamp(), post.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
        Set<Long> profile = new HashSet<>(ids(timelines.byAuthor(ann.getId(), Optional.empty(), 5)));
        assertEquals(Set.of(post.getId()), profile);
    }

    @Test
    void aPostShownBeforeItsAuthorChangedShowsTheAuthorAsTheyAreNow() {
        User reader = fixtures.user("reader");
        User author = fixtures.user("author");
        follows.follow(reader.getId(), author.getUsername());
        Post post = posting.publish(author.getId(), "kept in memory once shown");
        timelines.home(reader.getId(), Optional.empty(), 10); // the post is kept from here on
        String newName = author.getUsername() + "x";

        accounts.updateProfile(author.getId(), newName, "new about me");
        follows.follow(fixtures.user("fan").getId(), newName);

        Post shown =
                timelines.home(reader.getId(), Optional.empty(), 10).posts().getFirst();
        assertEquals(post.getId(), shown.getId());
        assertEquals("kept in memory once shown", shown.getBody());
        assertEquals(newName, shown.getAuthor().getUsername());
        assertEquals(Optional.of("new about me"), shown.getAuthor().getAboutMe());
        assertEquals(2, shown.getAuthor().getFollowersCount()); // the reader and the fan
    }

    @Test
    void aPostShownBeforeItWasDeletedLeavesEveryListAtOnce() {
        User reader = fixtures.user("reader");
        User author = fixtures.user("author");
        follows.follow(reader.getId(), author.getUsername());
        Post kept = posting.publish(author.getId(), "stays");
        Post deleted = posting.publish(author.getId(), "goes");
        assertEquals(List.of(deleted.getId(), kept.getId()), ids(timelines.home(reader.getId(), Optional.empty(), 10)));

        posting.delete(author.getId(), deleted.getId());

        assertEquals(List.of(kept.getId()), ids(timelines.home(reader.getId(), Optional.empty(), 10)));
        assertEquals(List.of(kept.getId()), ids(timelines.byAuthor(author.getId(), Optional.empty(), 10)));
    }

    /** The time of the newest post on the site, or now if it is later. */
    private Instant newestOnTheSite() {
        Instant now = Instant.now();
        return timelines.explore(Optional.empty(), 1).posts().stream()
                .map(Post::getTimestamp)
                .filter(newest -> newest.isAfter(now))
                .findFirst()
                .orElse(now);
    }

    private static List<Long> ids(PostPage page) {
        return page.posts().stream().map(Post::getId).toList();
    }
}
