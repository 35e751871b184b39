package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;
import org.microblog.service.MicroblogException;
import org.microblog.service.block.BlockService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.mute.MuteService;
import org.microblog.service.post.PostService;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;
import org.microblog.service.timeline.stored.TimelineBuildService;

/**
 * Stored home timelines against the pull, their oracle. The test server keeps six entries per stored timeline and
 * fans out two followers a chunk (microblog-it's pom), so that pages cross the floor and fan-outs take several
 * transactions.
 */
@ExtendWith(ArquillianExtension.class)
class StoredTimelineIT {

    private static final int PAGE = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @EJB
    Fixtures fixtures;

    @EJB
    StoredTimelineProbe probe;

    @EJB
    FollowService follows;

    @EJB
    MuteService mutes;

    @EJB
    BlockService blocks;

    @EJB
    PostService posts;

    @EJB
    TimelineService timelines;

    @EJB
    TimelineBuildService builds;

    /**
     * Seeded random sequences of everything that changes a home timeline, with fan-outs held, moved a chunk at a
     * time, killed mid-chunk or left to the worker. After every step the rules that hold at once are checked for every
     * reader; when the fan-outs have drained, every reader's pages, walked by cursor to the end, equal the pull's.
     */
    @Test
    void everyStepKeepsTheAtOnceRulesAndTheDrainedTimelinesEqualThePull() {
        for (long seed = 1; seed <= 6; seed++) {
            new Model(seed).run(45);
        }
    }

    /** One random sequence on users of its own. */
    private final class Model {
        private final long seed;
        private final SplittableRandom random;
        private final List<User> users = new ArrayList<>();
        private final List<User> readers = new ArrayList<>();
        private final List<String> steps = new ArrayList<>();
        /** For each follow link (follower, followed) that exists: the step at which it was made. */
        private final Map<List<Long>, Integer> followedSince = new HashMap<>();
        /** Every post of the sequence still there: its author and the step that published it. */
        private final Map<Long, long[]> published = new HashMap<>();

        private final Set<Long> held = new LinkedHashSet<>();
        private Instant clock;

        Model(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
        }

        void run(int stepCount) {
            for (int i = 0; i < 6; i++) {
                users.add(fixtures.user("model" + seed + "u" + i));
            }
            readers.addAll(users.subList(0, 3));
            clock = TimeOfItsOwn.newest().minus(Duration.ofDays(40));
            // Some history before the stored timelines are built, some of it below their floor.
            for (int i = 0; i < 12; i++) {
                step(i % 3 == 0 ? this::follow : this::publish);
            }
            for (User reader : readers) {
                builds.start(reader.getId());
            }
            await("the stored timelines are built", () -> readers.stream().allMatch(r -> probe.isReady(r.getId())));
            checkAtOnce();
            for (int i = 0; i < stepCount; i++) {
                int dice = random.nextInt(100);
                Runnable action = dice < 30
                        ? this::publish
                        : dice < 45
                                ? this::follow
                                : dice < 52
                                        ? this::unfollow
                                        : dice < 58
                                                ? this::mute
                                                : dice < 62
                                                        ? this::unmute
                                                        : dice < 66
                                                                ? this::block
                                                                : dice < 69
                                                                        ? this::unblock
                                                                        : dice < 73
                                                                                ? this::removeFollower
                                                                                : dice < 79
                                                                                        ? this::delete
                                                                                        : dice < 89
                                                                                                ? this::chunk
                                                                                                : dice < 95
                                                                                                        ? this::kill
                                                                                                        : this::trim;
                step(action);
                checkAtOnce();
            }
            held.forEach(probe::release);
            step(() -> steps.add("release every held fan-out"));
            await("the fan-outs drain", () -> probe.pendingAmong(published.keySet())
                    .isEmpty());
            for (User reader : readers) {
                assertEquals(
                        pulled(reader),
                        walked(reader),
                        failure("after the drain, the pages of " + reader.getUsername()));
            }
        }

        private void step(Runnable action) {
            action.run();
        }

        private User anyone() {
            return users.get(random.nextInt(users.size()));
        }

        private User aReader() {
            return readers.get(random.nextInt(readers.size()));
        }

        private void publish() {
            User author = anyone();
            int kind = random.nextInt(10);
            Instant at = kind < 6
                    ? clock = clock.plusSeconds(1 + random.nextInt(3600)) // the next moment
                    : kind < 8
                            ? clock // the same moment as the last post
                            : kind < 9
                                    ? clock.plus(
                                            Duration.ofDays(1 + random.nextInt(5))) // ahead of posts published later
                                    : clock.minus(Duration.ofDays(
                                            1 + random.nextInt(30))); // back-dated, below a floor perhaps
            boolean hold = random.nextBoolean();
            Post post = hold
                    ? probe.publishHeld(author.getId(), "model post", at)
                    : posts.publish(author.getId(), "model post", at);
            if (hold) {
                held.add(post.getId());
            }
            published.put(post.getId(), new long[] {author.getId(), steps.size()});
            steps.add("publish " + post.getId() + " by " + author.getUsername() + " at " + at + (hold ? ", held" : ""));
        }

        private void follow() {
            User follower = random.nextInt(4) < 3 ? aReader() : anyone();
            User followed = anyone();
            attempt(follower, "follows", followed, () -> {
                if (follows.follow(follower.getId(), followed.getUsername())) {
                    followedSince.put(List.of(follower.getId(), followed.getId()), steps.size());
                }
            });
        }

        private void unfollow() {
            User follower = aReader();
            User followed = anyone();
            attempt(follower, "unfollows", followed, () -> {
                follows.unfollow(follower.getId(), followed.getUsername());
                followedSince.remove(List.of(follower.getId(), followed.getId()));
            });
        }

        private void mute() {
            User follower = aReader();
            User followed = anyone();
            attempt(follower, "mutes", followed, () -> mutes.mute(follower.getId(), followed.getUsername()));
        }

        private void unmute() {
            User follower = aReader();
            User followed = anyone();
            attempt(follower, "unmutes", followed, () -> mutes.unmute(follower.getId(), followed.getUsername()));
        }

        private void block() {
            User blocker = anyone();
            User blocked = anyone();
            attempt(blocker, "blocks", blocked, () -> {
                blocks.block(blocker.getId(), blocked.getUsername());
                followedSince.remove(List.of(blocker.getId(), blocked.getId()));
                followedSince.remove(List.of(blocked.getId(), blocker.getId()));
            });
        }

        private void unblock() {
            User blocker = anyone();
            User blocked = anyone();
            attempt(blocker, "unblocks", blocked, () -> blocks.unblock(blocker.getId(), blocked.getUsername()));
        }

        private void removeFollower() {
            User user = anyone();
            User follower = aReader();
            attempt(user, "removes the follower", follower, () -> {
                blocks.removeFollower(user.getId(), follower.getUsername());
                followedSince.remove(List.of(follower.getId(), user.getId()));
            });
        }

        /** One user's action on another, as a step; the service may refuse it (following oneself, say). */
        private void attempt(User actor, String does, User other, Runnable action) {
            try {
                action.run();
                steps.add(actor.getUsername() + " " + does + " " + other.getUsername());
            } catch (MicroblogException refused) {
                steps.add(actor.getUsername() + " " + does + " " + other.getUsername() + ": refused");
            }
        }

        private void delete() {
            if (published.isEmpty()) {
                return;
            }
            List<Long> ids = new ArrayList<>(published.keySet());
            ids.sort(null);
            long postId = ids.get(random.nextInt(ids.size()));
            posts.delete(published.get(postId)[0], postId);
            published.remove(postId);
            steps.add("delete " + postId);
        }

        private Optional<Long> aHeldFanOut() {
            held.retainAll(probe.pendingAmong(held));
            if (held.isEmpty()) {
                return Optional.empty();
            }
            List<Long> ids = new ArrayList<>(held);
            return Optional.of(ids.get(random.nextInt(ids.size())));
        }

        private void chunk() {
            aHeldFanOut().ifPresent(postId -> {
                boolean done = probe.chunk(postId);
                steps.add("one chunk of the fan-out of " + postId + (done ? ", done" : ""));
            });
        }

        private void kill() {
            aHeldFanOut().ifPresent(postId -> {
                probe.chunkThenDie(postId);
                probe.release(postId);
                held.remove(postId);
                steps.add("the worker of " + postId + " dies mid-chunk; its claim runs out");
            });
        }

        private void trim() {
            Optional<Long> after = Optional.of(0L);
            while (after.isPresent()) {
                after = builds.trim(after.get(), 100);
            }
            steps.add("trim");
        }

        /**
         * What must hold at once, whatever the fan-outs have done: the stored pages show only posts the pull shows, in
         * its order, each once; and a post the pull shows is missing only while its fan-out is pending, if it is
         * someone else's and its author was followed before it was published (a follow made later brings it at once).
         */
        private void checkAtOnce() {
            Set<Long> pendingBefore = probe.pendingAmong(published.keySet());
            for (User reader : readers) {
                List<Long> stored = walked(reader);
                List<Long> pulled = pulled(reader);
                assertEquals(
                        stored.size(),
                        new HashSet<>(stored).size(),
                        failure("a post twice in " + reader.getUsername()));
                List<Long> shownByPull = new ArrayList<>(pulled);
                shownByPull.retainAll(stored);
                assertEquals(shownByPull, stored, failure(reader.getUsername() + " sees what the pull does not"));
                for (long postId : pulled) {
                    if (stored.contains(postId)) {
                        continue;
                    }
                    long[] post = published.get(postId);
                    boolean mayWait = post != null
                            && pendingBefore.contains(postId)
                            && post[0] != reader.getId()
                            && followedSince.getOrDefault(List.of(reader.getId(), post[0]), Integer.MAX_VALUE)
                                    < post[1];
                    assertTrue(
                            mayWait,
                            failure(reader.getUsername() + " misses " + postId + " (pending before: "
                                    + pendingBefore.contains(postId) + ")"));
                }
            }
        }

        private String failure(String what) {
            return "Seed " + seed + ": " + what + " after the steps:\n  " + String.join("\n  ", steps);
        }
    }

    /**
     * A post published while its author is followed, by many threads at once: when the fan-outs have drained, the
     * stored timeline equals the pull, whichever committed first.
     */
    @Test
    void postsPublishedWhileTheirAuthorsAreFollowedAllArrive() throws Exception {
        User reader = fixtures.user("busy-reader");
        builds.start(reader.getId());
        await("the stored timeline is built", () -> probe.isReady(reader.getId()));
        List<User> authors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            authors.add(fixtures.user("busy-author"));
        }
        Instant t = TimeOfItsOwn.newest();
        List<Long> published = java.util.Collections.synchronizedList(new ArrayList<>());
        List<java.util.concurrent.Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            User author = authors.get(i);
            Instant at = t.minusSeconds(i);
            calls.add(() -> follows.follow(reader.getId(), author.getUsername()));
            calls.add(() -> published.add(
                    posts.publish(author.getId(), "while followed", at).getId()));
            calls.add(() -> published.add(posts.publish(author.getId(), "a second one", at.minusMillis(500))
                    .getId()));
        }
        Concurrently.runAtOnce(calls);
        await("the fan-outs drain", () -> probe.pendingAmong(published).isEmpty());
        await("the stored timeline equals the pull", () -> pulled(reader).equals(walked(reader)));
        assertEquals(12, walked(reader).size());
    }

    /**
     * A reader who comes to follow as many as the threshold (500 in the test server) gets a stored timeline, built in
     * the background; pages are pulled until it is ready, and equal the pull after; their own post shows at once, and
     * a followed person's post once its fan-out is done.
     */
    @Test
    void aReaderWhoReachesTheThresholdGetsAStoredTimelineBuiltInTheBackground() {
        User reader = fixtures.user("many-follows");
        Instant t = TimeOfItsOwn.newest();
        List<User> followed = new ArrayList<>();
        for (int i = 0; i < 499; i++) {
            followed.add(fixtures.user("followed"));
            follows.follow(reader.getId(), followed.getLast().getUsername());
        }
        for (int i = 0; i < 10; i++) {
            fixtures.post(followed.get(i * 40), "older " + i, t.minus(Duration.ofDays(i + 1)));
        }
        assertFalse(probe.hasStoredTimeline(reader.getId()));

        User last = fixtures.user("the-500th");
        follows.follow(reader.getId(), last.getUsername());

        assertTrue(probe.hasStoredTimeline(reader.getId()));
        await("the stored timeline is built", () -> probe.isReady(reader.getId()));
        assertEquals(pulled(reader), walked(reader));

        Post own = posts.publish(reader.getId(), "mine, at once", t.minusSeconds(1));
        assertEquals(own.getId(), walked(reader).getFirst());
        Post theirs = posts.publish(last.getId(), "theirs, after the fan-out", t);
        await("the fan-out reaches the reader", () -> walked(reader).getFirst().equals(theirs.getId()));
        assertEquals(pulled(reader), walked(reader));
    }

    /** The reader's home timeline as a person reads it: every page, by cursor, to the end. */
    private List<Long> walked(User reader) {
        List<Long> ids = new ArrayList<>();
        Optional<TimelineCursor> cursor = Optional.empty();
        do {
            PostPage page = timelines.home(reader.getId(), cursor, PAGE);
            page.posts().forEach(post -> ids.add(post.getId()));
            cursor = page.next();
        } while (cursor.isPresent());
        return ids;
    }

    /** The whole home timeline by the pull alone. */
    private List<Long> pulled(User reader) {
        return timelines.pulledIds(
                reader.getId(),
                follows.followingCount(reader.getId()),
                Optional.empty(),
                TimelineService.MAX_PAGE_SIZE * 100);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant end = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                fail("Not within " + WAIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted waiting until " + what);
            }
        }
    }
}
