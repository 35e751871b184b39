package org.microblog.bench;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.service.schema.DatabaseMigrations;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;
import org.microblog.service.timeline.stored.StoredTimelineSettings;

/**
 * Times the application's own services on a generated data set, in-process: the home timeline (first
 * page and a deep page reached by the cursor) for users following about 10, 100 and 1,000 others, the
 * follower and following counts, {@code isFollowing}, and, on the same data, the forms they replaced (the
 * tutorial's query, the unbounded join, COUNT(*)). Warm-up first, then many samples per row, round-robin
 * over the sampled users; median and p99 per row.
 *
 * <p>Before timing anything it checks that the home timeline returns exactly the right pages for every
 * sampled user: against a merge of each followed user's own posts (all sampled users) and against the
 * tutorial's query (the users it times the tutorial's query for). Any difference stops the run with an
 * error, and no table is written.
 *
 * <p>Stored home timelines (issue 25): before anything, every sampled reader who follows {@code --stored-threshold}
 * people or more (default the application's) gets a ready stored timeline where it has none, built as the server's
 * worker builds one ({@link StoredTimelines}); their pages are then also checked to equal the pull's after the same
 * cursor, the groups that read stored timelines get a row for the pull's first page on the same data, and the writes
 * include the fan-out's delay, run as the worker runs it. The table says how big the stored timelines are.
 *
 * <pre>
 * ./microblog bench [--jdbc-url URL --user U] [--samples 2000] [--warmup 500] [--tutorial-users N]
 *                   [--tutorial-timeout 120] [--output docs/benchmarks.md] [--stored-threshold 200]
 * ./microblog bench --pull-by-following [--jdbc-url URL --user U] [--samples 2000] [--warmup 500]
 * </pre>
 *
 * The second is a mode of its own ({@link PullByFollowingBench}): the pull's first page by following count, which
 * sets the threshold.
 */
public final class Benchmark {

    /** The options, as {@code --help} prints them. */
    static final String USAGE = """
            ./microblog bench [--jdbc-url URL --user U --password P] [--samples 2000] [--warmup 500] [--seed 7]
                              [--tutorial-users N] [--tutorial-timeout 120] [--output docs/benchmarks.md]
                              [--stored-threshold 200]
            ./microblog bench --pull-by-following [--jdbc-url URL --user U] [--samples 2000] [--warmup 500] [--seed 7]""";

    static final int PAGE_SIZE = 20;
    static final int DEEP_PAGE = 10;
    static final int USERS_PER_GROUP = 20;
    private static final int[][] GROUPS = {{10, 8, 12}, {100, 85, 115}, {1000, 850, 1150}, {5000, 4500, 5000}};
    /** How many posts the fan-out delay publishes, by an ordinary author and by the most-followed one. */
    private static final int FAN_OUTS_ORDINARY = 20;

    private static final int FAN_OUTS_MOST_FOLLOWED = 5;
    /**
     * A site whose newest post is older than this is reported as quiet: it tells a data set generated with {@code --end
     * now} and measured within hours (live) from one generated with {@code --end now-16h} (quiet). The header gives
     * the exact age.
     */
    private static final Duration QUIET = Duration.ofHours(4);

    private final Database db;
    private final Services services;
    private final List<Row> rows = new ArrayList<>();
    private StoredTimelines.Size storedSize;
    private final int samples;
    private final int warmup;
    private int tutorialTimeoutSeconds = 120;
    private Instant newest;

    private Benchmark(Database db, Services services, int samples, int warmup) {
        this.db = db;
        this.services = services;
        this.samples = samples;
        this.warmup = warmup;
    }

    public static void main(String[] argv) throws Exception {
        Database.Args args = new Database.Args(argv, USAGE);
        if (args.has("pull-by-following")) {
            PullByFollowingBench.main(argv);
            return;
        }
        Database db = Database.from(args);
        StoredTimelineSettings storedSettings = Generate.storedTimelineSettings(args);
        int samples = args.getInt("samples", 2000);
        int warmup = args.getInt("warmup", 500);
        int tutorialUsers = args.getInt("tutorial-users", db.isPostgres() ? 5 : 1);
        Path output = Path.of(args.get("output", "docs/benchmarks.md"));
        String loadBefore = loadAverage();

        // The schema as the application brings it up to date when it starts.
        DatabaseMigrations.configuration(db.dataSource()).load().migrate();
        Scale scale;
        Samples sampled;
        Instant newest;
        try (Connection c = db.connect()) {
            scale = Scale.of(c);
            newest = newestPost(c);
            sampled = Samples.of(c, new SplittableRandom(args.getLong("seed", 7)));
        }
        Duration quietFor = Duration.between(newest, Instant.now());
        String site = quietFor.compareTo(QUIET) > 0
                ? String.format(Locale.ROOT, "quiet site (newest post %.1f h old)", quietFor.toMinutes() / 60.0)
                : String.format(Locale.ROOT, "live site (newest post %d s old)", quietFor.toSeconds());
        String key = String.format(
                Locale.ROOT,
                "%s, %,d users, %s",
                db.name(),
                scale.users(),
                quietFor.compareTo(QUIET) > 0 ? "quiet" : "live");
        System.out.printf(Locale.ROOT, "%s: %s, %s; load %s%n", db.name(), scale, site, loadBefore);

        EntityManagerFactory emf = Persistence.createEntityManagerFactory("microblog", db.persistenceProperties());
        try (Services services = new Services(emf, db.vendor(), storedSettings)) {
            Benchmark bench = new Benchmark(db, services, samples, warmup);
            bench.tutorialTimeoutSeconds = args.getInt("tutorial-timeout", 120);
            bench.newest = newest;
            bench.run(sampled, tutorialUsers);
            bench.writes(sampled);
            String loadAfter = loadAverage();
            String table = bench.table(scale, site, loadBefore, loadAfter);
            System.out.println(table);
            write(output, key, table);
            System.out.println("Written to " + output);
        } finally {
            emf.close();
            db.shutdown();
        }
    }

    private void run(Samples s, int tutorialUsers) {
        StoredTimelines stored = new StoredTimelines(db, services);
        long[] homeUsers = Arrays.stream(s.groups).flatMapToLong(Arrays::stream).toArray();
        int built = stored.ensureReady(homeUsers);
        storedSize = stored.size();
        System.out.printf(
                Locale.ROOT,
                "Stored timelines: %d built for the sampled readers who follow %,d or more; %s%n",
                built,
                services.storedTimelineSettings().threshold(),
                storedSize);
        List<List<Optional<TimelineCursor>>> deep = new ArrayList<>();
        for (int g = 0; g < GROUPS.length; g++) {
            long[] users = s.groups[g];
            List<Optional<TimelineCursor>> cursors = new ArrayList<>();
            for (long user : users) {
                cursors.add(deepCursor(user));
            }
            deep.add(cursors);
        }

        verifyAgainstMergedAuthors(s, deep);
        verifyStoredAgainstPull(s, deep);

        Row[] firstPages = new Row[GROUPS.length];
        for (int g = 0; g < GROUPS.length; g++) {
            long[] users = s.groups[g];
            List<Optional<TimelineCursor>> cursors = deep.get(g);
            if (users.length == 0) {
                System.out.printf(Locale.ROOT, "  (nobody follows about %,d others at this scale)%n", GROUPS[g][0]);
                continue;
            }
            String group = "follows ~" + String.format(Locale.ROOT, "%,d", GROUPS[g][0])
                    + (users.length < USERS_PER_GROUP ? " (" + users.length + " users)" : "");
            measure(
                    "Home timeline, first page, " + group,
                    i -> services.timelines(t -> t.home(users[i % users.length], Optional.empty(), PAGE_SIZE)));
            firstPages[g] = rows.getLast();
            measure(
                    "Home timeline, page " + DEEP_PAGE + " by cursor, " + group,
                    i -> services.timelines(
                            t -> t.home(users[i % users.length], cursors.get(i % users.length), PAGE_SIZE)));
            if (GROUPS[g][2] >= services.storedTimelineSettings().threshold()) {
                // Readers here may read a stored timeline: the same first page as home read it before, on the same
                // data.
                measure(
                        "Pull (no stored timeline), first page, " + group,
                        i -> services.pulledPage(users[i % users.length], PAGE_SIZE + 1));
            }
        }

        long[] ordinary = s.ordinaryUsers;
        Optional<TimelineCursor> exploreDeep =
                deepCursor(from -> services.timelines(t -> t.explore(ordinary[0], from, PAGE_SIZE)));
        measure(
                "Explore, first page, signed in",
                i -> services.timelines(t -> t.explore(ordinary[i % ordinary.length], Optional.empty(), PAGE_SIZE)));
        measure(
                "Explore, page " + DEEP_PAGE + " by cursor, signed in",
                i -> services.timelines(t -> t.explore(ordinary[i % ordinary.length], exploreDeep, PAGE_SIZE)));
        measure(
                "Followers count, ordinary user (" + s.ordinaryFollowers + " followers)",
                i -> services.follows(f -> f.followersCount(ordinary[i % ordinary.length])));
        measure(
                String.format(Locale.ROOT, "Followers count, most-followed user (%,d followers)", s.mostFollowedCount),
                i -> services.follows(f -> f.followersCount(s.mostFollowed)));
        measure(
                "Following count, ordinary user",
                i -> services.follows(f -> f.followingCount(ordinary[i % ordinary.length])));
        measure(
                String.format(Locale.ROOT, "Following count, user who follows the most (%,d)", s.mostFollowingCount),
                i -> services.follows(f -> f.followingCount(s.mostFollowing)));
        measure("isFollowing (half true, half false)", i -> {
            long[] pair = s.followPairs[i % s.followPairs.length];
            return services.follows(f -> f.isFollowing(pair[0], pair[1]));
        });

        WhoToFollowBench.measure(db, services, s.groups, GROUPS, this::measure);
        SearchBench.measure(db, services, s.ordinaryUsers, this::measure);

        // The forms the application replaced, on the same data.
        int before = rows.size();
        long[] thousand = s.groups[2].length > 0 ? s.groups[2] : s.groups[1];
        String many = s.groups[2].length > 0 ? "follows ~1,000" : "follows ~100";
        measure(
                "Before: COUNT(*) of followers, most-followed user",
                20,
                Math.max(50, samples / 20),
                i -> services.entityManager(em -> QueryForms.countFollowers(em, s.mostFollowed)));
        measure(
                "Before: join without time bound, first page, " + many,
                20,
                Math.max(50, samples / 20),
                i -> services.entityManager(em ->
                        QueryForms.unboundedHome(em, thousand[i % thousand.length], Optional.empty(), PAGE_SIZE + 1)));
        Instant windowStart = newest.minus(Duration.ofHours(17)); // about the first window at 1,000 followings
        measure(
                "Before: the join in the database's own plan, " + many,
                20,
                Math.max(50, samples / 20),
                i -> services.entityManager(
                        em -> QueryForms.joinAsPlanned(em, thousand[i % thousand.length], windowStart, PAGE_SIZE + 1)));
        for (int g = 0; g < GROUPS.length; g++) {
            long[] users = Arrays.copyOf(s.groups[g], Math.min(tutorialUsers, s.groups[g].length));
            if (users.length == 0) {
                continue;
            }
            String group = "follows ~" + String.format(Locale.ROOT, "%,d", GROUPS[g][0]);
            rows.add(tutorial("Tutorial's query, first page, " + group, users, firstPages[g]));
        }
        System.out.printf(Locale.ROOT, "(%d comparison rows)%n", rows.size() - before);
    }

    /**
     * Publishing, following and unfollowing through the real services, each call in its own transaction as in
     * the server; the data is left as it was (the posts deleted, every follow undone by its unfollow).
     */
    private void writes(Samples s) {
        fanOutDelays(s);
        long[] ordinary = s.ordinaryUsers;
        long lastPost = single("SELECT MAX(id) FROM posts");
        try {
            measure(
                    "Publish a post, ordinary user",
                    i -> services.write((f, p) -> p.publish(ordinary[i % ordinary.length], "bench post " + i)));
            measure(
                    String.format(
                            Locale.ROOT, "Publish a post, most-followed user (%,d followers)", s.mostFollowedCount),
                    i -> services.write((f, p) -> p.publish(s.mostFollowed, "bench post " + i)));
        } finally {
            // What publishing wrote besides the post: the author's count, their own stored entry, the outbox row
            // (nothing fanned these posts out).
            String authors = Arrays.stream(ordinary)
                    .mapToObj(Long::toString)
                    .collect(Collectors.joining(",", "(" + s.mostFollowed + ",", ")"));
            update("UPDATE users SET posts_count = posts_count - (SELECT COUNT(*) FROM posts p WHERE p.author_id = "
                    + "users.id AND p.id > " + lastPost + ") WHERE id IN " + authors);
            update("DELETE FROM timeline_entries WHERE reader_id IN " + authors + " AND post_id > " + lastPost);
            update("DELETE FROM fan_outs WHERE post_id > " + lastPost);
            update("DELETE FROM posts WHERE id > " + lastPost);
        }
        SplittableRandom random = new SplittableRandom(11);
        long[] followed = followedWithSelf(s.mostFollowing);
        Arrays.sort(followed);
        long[] strangers = new long[USERS_PER_GROUP * 10];
        for (int i = 0; i < strangers.length; i++) {
            long other;
            do {
                other = 1 + random.nextLong(s.users);
            } while (Arrays.binarySearch(followed, other) >= 0);
            strangers[i] = other;
        }
        followCycle(
                String.format(Locale.ROOT, "by the user who follows the most (%,d)", s.mostFollowingCount),
                i -> s.mostFollowing,
                i -> strangers[i % strangers.length]);
        long[] fans = new long[USERS_PER_GROUP * 10];
        for (int i = 0; i < fans.length; i++) {
            long fan;
            do {
                fan = 1 + random.nextLong(s.users);
            } while (fan == s.mostFollowed || isFollowing(fan, s.mostFollowed));
            fans[i] = fan;
        }
        followCycle(
                String.format(Locale.ROOT, "of the most-followed user (%,d followers)", s.mostFollowedCount),
                i -> fans[i % fans.length],
                i -> s.mostFollowed);
    }

    /**
     * The fan-out's delay: from the commit of a post until it is in the stored timeline of every follower who has
     * one (its outbox row gone), the fan-out run as the server's worker runs it, on one thread right after the
     * commit: a claim, then a chunk of followers per transaction until the last. By an ordinary author ({@value
     * #FAN_OUTS_ORDINARY} posts, after a few not timed) and by the most-followed ({@value #FAN_OUTS_MOST_FOLLOWED});
     * a row for the chunks' transactions too. Each post is checked to have reached every follower with a stored
     * timeline, then deleted through {@code PostService.delete}, with its entries.
     */
    private void fanOutDelays(Samples s) {
        long pending = services.transaction(c -> c.fanOuts.pending());
        if (pending > 0) {
            throw new IllegalStateException(pending + " posts wait for their fan-out (fan_outs): the fan-out delay"
                    + " would time theirs. Start the server on this data set to drain them, then run again.");
        }
        long ordinary = s.ordinaryUsers[0];
        List<Long> chunks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            publishAndFanOut(ordinary, new ArrayList<>());
        }
        long[][] delays = {new long[FAN_OUTS_ORDINARY], new long[FAN_OUTS_MOST_FOLLOWED]};
        long[] authors = {ordinary, s.mostFollowed};
        for (int a = 0; a < authors.length; a++) {
            for (int i = 0; i < delays[a].length; i++) {
                delays[a][i] = publishAndFanOut(authors[a], chunks);
            }
        }
        String[] who = {"ordinary author", "most-followed author"};
        for (int a = 0; a < authors.length; a++) {
            long author = authors[a];
            Row row = Row.of(
                    String.format(
                            Locale.ROOT,
                            "Fan-out delay, %s (%,d followers, %,d with stored timelines)",
                            who[a],
                            single("SELECT COUNT(*) FROM followers WHERE follower_id <> followed_id AND followed_id = "
                                    + author),
                            single("SELECT COUNT(*) FROM followers f, stored_timelines t WHERE f.followed_id = "
                                    + author + " AND f.follower_id <> f.followed_id AND t.reader_id = f.follower_id")),
                    delays[a]);
            addRow(row);
        }
        Row chunk = Row.of("", chunks.stream().mapToLong(Long::longValue).toArray());
        addRow(Row.of(
                String.format(
                        Locale.ROOT,
                        "Fan-out, one chunk's transaction (up to %,d followers with a stored timeline; max %.1f ms)",
                        services.storedTimelineSettings().chunk(),
                        chunk.percentile(1.0)),
                chunk.nanos));
    }

    /**
     * Publishes a post by {@code author}, fans it out, checks it and deletes it again.
     *
     * @return the nanoseconds from the publish's commit to the end of its fan-out; the chunks' transactions are
     *     added to {@code chunks}
     */
    private long publishAndFanOut(long author, List<Long> chunks) {
        long postId = services.write((f, p) -> p.publish(author, "fan-out bench post"))
                .getId();
        long committed = System.nanoTime();
        String worker = "bench-fan-out-" + ProcessHandle.current().pid();
        try {
            Optional<Long> claimed = services.transaction(c -> c.fanOuts.claim(worker));
            if (!claimed.equals(Optional.of(postId))) {
                throw new IllegalStateException("The fan-out claimed " + claimed + " instead of post " + postId
                        + ": another worker is running on this data set?");
            }
            boolean done = false;
            while (!done) {
                long t0 = System.nanoTime();
                done = services.transaction(c -> c.fanOuts.nextChunk(postId, worker));
                chunks.add(System.nanoTime() - t0);
            }
            long delay = System.nanoTime() - committed;
            long left = single("SELECT COUNT(*) FROM fan_outs WHERE post_id = " + postId);
            long expected = single("SELECT COUNT(*) FROM followers f, stored_timelines t WHERE f.followed_id = "
                    + author + " AND t.reader_id = f.follower_id");
            long entries = single("SELECT COUNT(*) FROM followers f, timeline_entries e WHERE f.followed_id = " + author
                    + " AND e.reader_id = f.follower_id AND e.created_at = (SELECT created_at FROM posts WHERE id = "
                    + postId + ") AND e.post_id = " + postId);
            if (left != 0 || entries != expected) {
                throw new IllegalStateException("The fan-out of post " + postId + " by user " + author + " left "
                        + left + " outbox rows and wrote " + entries + " entries for " + expected
                        + " stored timelines of its author's followers (and the author)");
            }
            return delay;
        } finally {
            deletePost(author, postId);
        }
    }

    /** Deletes a post the benchmark made through the application, then its stored entries and outbox row. */
    private void deletePost(long author, long postId) {
        Timestamp createdAt;
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT created_at FROM posts WHERE id = " + postId)) {
            rs.next();
            createdAt = rs.getTimestamp(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        services.write((f, p) -> p.delete(author, postId));
        try (Connection c = db.connect();
                PreparedStatement entries = c.prepareStatement("DELETE FROM timeline_entries WHERE reader_id IN "
                        + "(SELECT f.follower_id FROM followers f WHERE f.followed_id = ?) "
                        + "AND created_at = ? AND post_id = ?");
                PreparedStatement outbox = c.prepareStatement("DELETE FROM fan_outs WHERE post_id = ?")) {
            c.setAutoCommit(false);
            entries.setLong(1, author);
            entries.setTimestamp(2, createdAt);
            entries.setLong(3, postId);
            entries.executeUpdate();
            outbox.setLong(1, postId);
            outbox.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addRow(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-70s median %8.3f ms  p99 %8.3f ms%n", row.name, row.median(), row.p99());
    }

    /**
     * A follow then its unfollow, each timed in its own row; both must change the link. The stored timelines are
     * left as they were: a follow brings the followed person's posts into the follower's stored timeline (and may
     * raise its floor, or start one when it crosses the threshold), which the unfollow leaves to the reading.
     */
    private void followCycle(String who, IntFunction<Long> actor, IntFunction<Long> target) {
        int calls = Math.max(warmup, samples);
        Map<Long, Optional<List<Object>>> storedBefore = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            storedBefore.computeIfAbsent(actor.apply(i), this::storedTimelineRow);
        }
        Set<List<Long>> pairs = new HashSet<>();
        try {
            for (int i = 0; i < warmup; i++) {
                pairs.add(List.of(actor.apply(i), target.apply(i)));
                followThenUnfollow(actor.apply(i), target.apply(i), null, null, 0);
            }
            long[] follows = new long[samples];
            long[] unfollows = new long[samples];
            for (int i = 0; i < samples; i++) {
                pairs.add(List.of(actor.apply(i), target.apply(i)));
                followThenUnfollow(actor.apply(i), target.apply(i), follows, unfollows, i);
            }
            addFollowRows(who, follows, unfollows);
        } finally {
            restoreStoredTimelines(storedBefore, pairs);
        }
    }

    /** The reader's stored_timelines row (ready, floor_time, floor_post_id, version), if any. */
    private Optional<List<Object>> storedTimelineRow(long reader) {
        try (Connection c = db.connect();
                PreparedStatement p = c.prepareStatement(
                        "SELECT ready, floor_time, floor_post_id, version FROM stored_timelines WHERE reader_id = ?")) {
            p.setLong(1, reader);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next()
                        ? Optional.of(List.of(rs.getBoolean(1), rs.getTimestamp(2), rs.getLong(3), rs.getLong(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts the readers' stored timelines back as they were before the follows: the rows as they were (a row the
     * follows started is deleted), and the entries of the (reader, followed) pairs, all unfollowed again, gone.
     */
    private void restoreStoredTimelines(Map<Long, Optional<List<Object>>> before, Set<List<Long>> pairs) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement entries =
                    c.prepareStatement("DELETE FROM timeline_entries WHERE reader_id = ? AND author_id = ?")) {
                for (List<Long> pair : pairs) {
                    entries.setLong(1, pair.get(0));
                    entries.setLong(2, pair.get(1));
                    entries.executeUpdate();
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM stored_timelines WHERE reader_id = ?");
                    PreparedStatement restore = c.prepareStatement("UPDATE stored_timelines SET ready = ?, "
                            + "floor_time = ?, floor_post_id = ?, version = ? WHERE reader_id = ?")) {
                for (Map.Entry<Long, Optional<List<Object>>> reader : before.entrySet()) {
                    if (reader.getValue().isEmpty()) {
                        delete.setLong(1, reader.getKey());
                        delete.executeUpdate();
                    } else {
                        List<Object> row = reader.getValue().get();
                        restore.setBoolean(1, (Boolean) row.get(0));
                        restore.setTimestamp(2, (Timestamp) row.get(1));
                        restore.setLong(3, (Long) row.get(2));
                        restore.setLong(4, (Long) row.get(3));
                        restore.setLong(5, reader.getKey());
                        restore.executeUpdate();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addFollowRows(String who, long[] follows, long[] unfollows) {
        addRow(Row.of("Follow, " + who, follows));
        addRow(Row.of("Unfollow, " + who, unfollows));
    }

    private void followThenUnfollow(long actor, long target, long[] follows, long[] unfollows, int i) {
        String name = "user" + target;
        long t0 = System.nanoTime();
        boolean made = services.write((f, p) -> f.follow(actor, name));
        long t1 = System.nanoTime();
        boolean removed = services.write((f, p) -> f.unfollow(actor, name));
        long t2 = System.nanoTime();
        if (!made || !removed) {
            throw new IllegalStateException(
                    "user" + actor + " -> " + name + ": follow " + made + ", unfollow " + removed);
        }
        if (follows != null) {
            follows[i] = t1 - t0;
            unfollows[i] = t2 - t1;
        }
    }

    private boolean isFollowing(long follower, long followed) {
        return services.follows(f -> f.isFollowing(follower, followed));
    }

    private long single(String sql) {
        try (Connection c = db.connect()) {
            return Benchmark.single(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql) {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.executeUpdate(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant newestPost(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(created_at) FROM posts")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    /** The cursor of page {@value #DEEP_PAGE} of a user's home timeline. */
    private Optional<TimelineCursor> deepCursor(long user) {
        return deepCursor(from -> services.timelines(t -> t.home(user, from, PAGE_SIZE)));
    }

    /** The cursor of page {@value #DEEP_PAGE} of a list, walked to through the pages before it (or the last page there is). */
    private static Optional<TimelineCursor> deepCursor(Function<Optional<TimelineCursor>, PostPage> list) {
        Optional<TimelineCursor> cursor = Optional.empty();
        for (int p = 1; p < DEEP_PAGE; p++) {
            PostPage page = list.apply(cursor);
            if (page.next().isEmpty()) {
                break;
            }
            cursor = page.next();
        }
        return cursor;
    }

    /**
     * Every sampled user's first and deep page must equal the newest posts of the merged lists of each
     * followed user's own posts (and the user's), fetched one author at a time: a different path to the
     * same rows.
     */
    private void verifyAgainstMergedAuthors(Samples s, List<List<Optional<TimelineCursor>>> deep) {
        int checked = 0;
        for (int g = 0; g < GROUPS.length; g++) {
            for (int u = 0; u < s.groups[g].length; u++) {
                long user = s.groups[g][u];
                long[] authors = followedWithSelf(user);
                for (Optional<TimelineCursor> cursor :
                        List.of(Optional.<TimelineCursor>empty(), deep.get(g).get(u))) {
                    List<Long> expected = mergedAuthors(authors, cursor);
                    List<Long> actual = ids(services.timelines(t -> t.home(user, cursor, PAGE_SIZE))
                            .posts());
                    if (!expected.equals(actual)) {
                        throw new IllegalStateException("Home timeline of user " + user + " after " + cursor
                                + " differs from the merged authors' posts:\n expected " + expected + "\n actual   "
                                + actual);
                    }
                    checked++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "Verified %d pages against the merged posts of each followed user%n", checked);
    }

    /**
     * Every sampled user's first and deep page of the home timeline (from their stored timeline if they have one
     * ready) must equal the pull's ({@link TimelineService#pulledIds}) after the same cursor.
     */
    private void verifyStoredAgainstPull(Samples s, List<List<Optional<TimelineCursor>>> deep) {
        int checked = 0;
        int stored = 0;
        for (int g = 0; g < GROUPS.length; g++) {
            for (int u = 0; u < s.groups[g].length; u++) {
                long user = s.groups[g][u];
                long following = services.follows(f -> f.followingCount(user));
                boolean ready = hasReadyStoredTimeline(user);
                int page = 1;
                for (Optional<TimelineCursor> cursor :
                        List.of(Optional.<TimelineCursor>empty(), deep.get(g).get(u))) {
                    List<Long> pulled = services.timelines(t -> t.pulledIds(user, following, cursor, PAGE_SIZE + 1));
                    List<Long> expected = pulled.subList(0, Math.min(PAGE_SIZE, pulled.size()));
                    List<Long> actual = ids(services.timelines(t -> t.home(user, cursor, PAGE_SIZE))
                            .posts());
                    if (!expected.equals(actual)) {
                        throw new IllegalStateException("Home timeline of user " + user + " (follows " + following
                                + ", stored timeline " + (ready ? "ready" : "none") + "), page " + page + " after "
                                + cursor + " differs from the pull's:\n pull   " + expected + "\n home   " + actual);
                    }
                    checked++;
                    stored += ready ? 1 : 0;
                    page = DEEP_PAGE;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Verified %d pages against the pull (%d of them read from stored timelines)%n",
                checked,
                stored);
    }

    private boolean hasReadyStoredTimeline(long user) {
        return single("SELECT COUNT(*) FROM stored_timelines WHERE ready = TRUE AND reader_id = " + user) > 0;
    }

    private List<Long> mergedAuthors(long[] authors, Optional<TimelineCursor> cursor) {
        List<Post> all = new ArrayList<>();
        for (long author : authors) {
            all.addAll(services.timelines(t -> t.byAuthor(author, cursor, PAGE_SIZE))
                    .posts());
        }
        all.sort(Comparator.comparing(Post::getTimestamp)
                .thenComparing(Post::getId)
                .reversed());
        return ids(all.subList(0, Math.min(PAGE_SIZE, all.size())));
    }

    private long[] followedWithSelf(long user) {
        try (Connection c = db.connect();
                PreparedStatement p = c.prepareStatement("SELECT followed_id FROM followers WHERE follower_id = ?")) {
            p.setLong(1, user);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Times the tutorial's query for a few users (it takes seconds a page) and checks that it returns
     * exactly the rows of the application's home timeline.
     */
    private Row tutorial(String name, long[] users, Row fast) {
        long[] nanos = new long[users.length];
        int timedOut = 0;
        for (int i = 0; i < users.length; i++) {
            long user = users[i];
            long t0 = System.nanoTime();
            List<Post> rowsOfTutorial;
            try {
                rowsOfTutorial = services.entityManager(
                        em -> QueryForms.tutorialHome(em, user, Optional.empty(), PAGE_SIZE, tutorialTimeoutSeconds));
            } catch (PersistenceException e) {
                nanos[i] = System.nanoTime() - t0;
                if (nanos[i] < tutorialTimeoutSeconds * 1_000_000_000L) {
                    throw e;
                }
                timedOut++;
                System.out.printf(
                        Locale.ROOT, "  %s: user %d stopped after %.1f s (timeout)%n", name, user, nanos[i] / 1e9);
                continue;
            }
            nanos[i] = System.nanoTime() - t0;
            List<Long> expected = ids(rowsOfTutorial);
            List<Long> actual = ids(services.timelines(t -> t.home(user, Optional.empty(), PAGE_SIZE))
                    .posts());
            if (!expected.equals(actual)) {
                throw new IllegalStateException("Home timeline of user " + user
                        + " differs from the tutorial's query:\n" + " tutorial " + expected + "\n home     " + actual);
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %s: user %d %.1f ms, same %d rows as the home timeline%n",
                    name,
                    user,
                    nanos[i] / 1e6,
                    expected.size());
        }
        Row row = Row.of(
                name
                        + (timedOut > 0
                                ? " (" + timedOut + " stopped at the " + tutorialTimeoutSeconds
                                        + " s timeout: a lower bound)"
                                : ""),
                nanos);
        row.ratio = row.median() / fast.median();
        row.lowerBound = timedOut > 0;
        return row;
    }

    private void measure(String name, IntFunction<Object> op) {
        measure(name, warmup, samples, op);
    }

    private void measure(String name, int warm, int count, IntFunction<Object> op) {
        Row row = Row.timed(name, warm, count, op);
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-70s median %8.3f ms  p99 %8.3f ms%n", name, row.median(), row.p99());
    }

    private String table(Scale scale, String site, String loadBefore, String loadAfter) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "### %s, %,d users, %s, %s%n%n",
                db.name(),
                scale.users(),
                site,
                LocalDate.now(ZoneOffset.UTC)));
        b.append(String.format(
                Locale.ROOT,
                "Data: %s. Machine: %d cores, %s; load average %s before, %s after. "
                        + "Page size %d; %d users per group; %d samples a row after %d warm-up calls (fewer for the "
                        + "\"before\" and tutorial rows).%n%n",
                scale,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                loadBefore,
                loadAfter,
                PAGE_SIZE,
                USERS_PER_GROUP,
                samples,
                warmup));
        if (storedSize != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "Stored timelines (readers who follow %,d or more, up to %,d entries each): %s.%n%n",
                    services.storedTimelineSettings().threshold(),
                    services.storedTimelineSettings().size(),
                    storedSize));
        }
        b.append("| Operation | samples | median (ms) | p99 (ms) | tutorial ÷ home |\n");
        b.append("|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.3f | %.3f | %s |%n",
                    r.name,
                    r.nanos.length,
                    r.median(),
                    r.p99(),
                    r.ratio > 0 ? (r.lowerBound ? "> " : "") + String.format(Locale.ROOT, "%,.0f×", r.ratio) : ""));
        }
        return b.toString();
    }

    /** Replaces this database's section of the docs (between its markers), keeping everything else. */
    private static void write(Path file, String database, String table) throws IOException {
        String begin = "<!-- bench:" + database + " -->";
        String end = "<!-- /bench:" + database + " -->";
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        String section = begin + "\n" + table + end;
        int i = text.indexOf(begin);
        int j = text.indexOf(end);
        if (i >= 0 && j > i) {
            text = text.substring(0, i) + section + text.substring(j + end.length());
        } else {
            text = text + "\n" + section + "\n";
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<Long> ids(List<Post> posts) {
        return posts.stream().map(Post::getId).toList();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** One row of the table: the samples of one operation, in nanoseconds. */
    static final class Row {
        final String name;
        final long[] nanos;
        double ratio;
        boolean lowerBound;

        private Row(String name, long[] nanos) {
            this.name = name;
            this.nanos = nanos;
        }

        static Row of(String name, long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Row(name, sorted);
        }

        /** {@code op} called {@code warm} times, then timed over {@code count} calls (given the call's number). */
        static Row timed(String name, int warm, int count, IntFunction<Object> op) {
            for (int i = 0; i < warm; i++) {
                op.apply(i);
            }
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                op.apply(i);
                nanos[i] = System.nanoTime() - t0;
            }
            return of(name, nanos);
        }

        double median() {
            return percentile(0.5);
        }

        double p99() {
            return percentile(0.99);
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentile(double p) {
            int rank = (int) Math.ceil(p * nanos.length);
            return nanos[Math.clamp(rank - 1, 0, nanos.length - 1)] / 1e6;
        }
    }

    /** The size of the data set. */
    record Scale(long users, long posts, long follows) {
        static Scale of(Connection c) throws SQLException {
            return new Scale(
                    single(c, "SELECT COUNT(*) FROM users"),
                    single(c, "SELECT COUNT(*) FROM posts"),
                    single(c, "SELECT COUNT(*) FROM followers WHERE follower_id <> followed_id"));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d users, %,d posts, %,d follows", users, posts, follows);
        }
    }

    /** The users and pairs the benchmark asks about, chosen by seed from the data. */
    record Samples(
            long[][] groups,
            long[] ordinaryUsers,
            long ordinaryFollowers,
            long mostFollowed,
            long mostFollowedCount,
            long mostFollowing,
            long mostFollowingCount,
            long[][] followPairs,
            long users) {

        static Samples of(Connection c, SplittableRandom random) throws SQLException {
            long[][] groups = new long[GROUPS.length][];
            for (int g = 0; g < GROUPS.length; g++) {
                groups[g] = pick(
                        ids(
                                c,
                                "SELECT id FROM users WHERE following_count BETWEEN " + GROUPS[g][1] + " AND "
                                        + GROUPS[g][2] + " ORDER BY id"),
                        USERS_PER_GROUP,
                        random);
            }
            long users = single(c, "SELECT COUNT(*) FROM users");
            long median = single(
                    c,
                    "SELECT followers_count FROM users ORDER BY followers_count OFFSET " + users / 2
                            + " ROWS FETCH FIRST 1 ROWS ONLY");
            long[] ordinary = pick(
                    ids(c, "SELECT id FROM users WHERE followers_count = " + median + " ORDER BY id"),
                    USERS_PER_GROUP,
                    random);
            long[] top = pair(
                    c,
                    "SELECT id, followers_count FROM users ORDER BY followers_count DESC, id FETCH FIRST 1 ROWS ONLY");
            long[] most = pair(
                    c,
                    "SELECT id, following_count FROM users ORDER BY following_count DESC, id FETCH FIRST 1 ROWS ONLY");
            List<long[]> pairs = new ArrayList<>();
            for (long user : groups[1]) {
                long[] followed = ids(
                        c,
                        "SELECT followed_id FROM followers WHERE follower_id = " + user + " AND followed_id <> " + user
                                + " ORDER BY followed_id");
                pairs.add(new long[] {user, followed[random.nextInt(followed.length)]});
                long other;
                do {
                    other = 1 + random.nextLong(users);
                } while (other == user || Arrays.binarySearch(followed, other) >= 0);
                pairs.add(new long[] {user, other});
            }
            return new Samples(
                    groups, ordinary, median, top[0], top[1], most[0], most[1], pairs.toArray(long[][]::new), users);
        }

        static long[] pick(long[] ids, int n, SplittableRandom random) {
            long[] copy = ids.clone();
            for (int i = copy.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long t = copy[i];
                copy[i] = copy[j];
                copy[j] = t;
            }
            return Arrays.copyOf(copy, Math.min(n, copy.length));
        }

        static long[] ids(Connection c, String sql) throws SQLException {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        }

        private static long[] pair(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
