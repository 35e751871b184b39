package org.microblog.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.microblog.service.follow.Suggestion;
import org.microblog.service.follow.SuggestionService;

/**
 * "Who to follow" ({@link SuggestionService}) on the generated data set: the home page's box of 3 for users
 * following about 10, 100 and 1,000 others, and a page of 20 on {@code /who-to-follow} for the last group.
 * Before timing, it checks every sampled user's suggestions: never the user, never someone they follow, each
 * followed by as many of their followings as it says, best first.
 *
 * <p>Part of {@code ./microblog bench} (one line in {@link Benchmark}); alone, with its own table:
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl microblog-bench -am process-classes \
 *     -Dbench.main=org.microblog.bench.WhoToFollowBench -Dbench.args="[--jdbc-url URL --user U] [--samples 2000]"
 * </pre>
 */
final class WhoToFollowBench {

    static final int BOX = 3;
    static final int PAGE = 20;

    private final Database db;
    private final Services services;

    private WhoToFollowBench(Database db, Services services) {
        this.db = db;
        this.services = services;
    }

    /** Checks, then times through {@code measure} (the caller's timing loop), per group of sampled users. */
    static void measure(
            Database db,
            Services services,
            long[][] groups,
            int[][] sizes,
            BiConsumer<String, IntFunction<Object>> measure) {
        WhoToFollowBench bench = new WhoToFollowBench(db, services);
        for (long[] users : groups) {
            for (long user : users) {
                bench.verify(user);
            }
        }
        System.out.printf(Locale.ROOT, "Verified the suggestions of %d users%n", groups.length * groups[0].length);
        int last = -1;
        for (int g = 0; g < groups.length; g++) {
            long[] users = groups[g];
            if (users.length == 0) {
                continue; // nobody follows that many at this scale
            }
            last = g;
            String group = "follows ~" + String.format(Locale.ROOT, "%,d", sizes[g][0]);
            measure.accept(
                    "Who to follow, home box (" + BOX + "), " + group,
                    i -> bench.suggest(users[i % users.length], BOX));
        }
        long[] most = groups[last];
        measure.accept(
                "Who to follow, page of " + PAGE + ", follows ~" + String.format(Locale.ROOT, "%,d", sizes[last][0]),
                i -> bench.suggest(most[i % most.length], PAGE));
    }

    private List<Suggestion> suggest(long user, int max) {
        return services.suggestions(suggestions -> suggestions.suggest(user, 0, max));
    }

    private void verify(long user) {
        List<Suggestion> found = suggest(user, PAGE);
        if (found.isEmpty()) {
            throw new IllegalStateException("No suggestions for user " + user);
        }
        Set<Long> followed = ids("SELECT followed_id FROM followers WHERE follower_id = ?", user);
        Suggestion previous = null;
        for (Suggestion s : found) {
            if (followed.contains(s.userId())) {
                throw new IllegalStateException("User " + user + " is suggested " + s + ", followed or themself");
            }
            Set<Long> followers = ids("SELECT follower_id FROM followers WHERE followed_id = ?", s.userId());
            followers.retainAll(followed);
            followers.remove(user);
            if (followers.size() < s.followedByCount()) {
                throw new IllegalStateException("User " + user + ": " + s + " is followed by only " + followers.size()
                        + " of the user's followings");
            }
            if (previous != null
                    && (previous.followedByCount() < s.followedByCount()
                            || previous.followedByCount() == s.followedByCount()
                                    && previous.followersCount() < s.followersCount())) {
                throw new IllegalStateException("User " + user + ": " + previous + " ranked before " + s);
            }
            previous = s;
        }
    }

    private Set<Long> ids(String sql, long id) {
        try (Connection c = db.connect();
                PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, id);
            Set<Long> ids = new HashSet<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This benchmark alone ({@link Standalone}), after a reference row. */
    public static void main(String[] argv) throws Exception {
        Standalone.run(argv, Standalone.USAGE, (db, services, sampled, timed) -> {
            long[] hundred = sampled.groups()[1];
            // The same run's home timeline, whose figures on a quiet machine are in docs/benchmarks.md: a yardstick
            // for how busy the machine was.
            timed.accept(
                    "Reference: home timeline, first page, follows ~100",
                    i -> services.timelines(t -> t.home(hundred[i % hundred.length], Optional.empty(), 20)));
            measure(db, services, sampled.groups(), new int[][] {{10}, {100}, {1000}, {5000}}, timed);
        });
    }
}
