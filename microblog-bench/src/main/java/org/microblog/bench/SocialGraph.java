package org.microblog.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A deterministic, heavy-tailed social graph: how many users each user follows, whom, and how many posts
 * each one writes. The same seed and sizes always give the same graph.
 *
 * <ul>
 *   <li>Followings per user: log-normal with median 23 and mean about 50, capped at {@value #MAX_FOLLOWING};
 *       the {@value #HEAVY_FOLLOWERS} users with the most followings are raised to between 4,500 and that cap
 *       (the one with the most to exactly the cap), so that the benchmark has a group following ~5,000.
 *   <li>Whom they follow: users are ranked by popularity (a seeded shuffle) and rank {@code r} (from 1) is
 *       chosen with weight {@code 1 / (r + 6)}, without repeats: a few users get tens of thousands of
 *       followers, the median user about a dozen (the counts of seed 42: docs/benchmarks.md, "The data set").
 *   <li>Posts per user: log-normal with median 7, scaled to the requested total (a few thousand for the
 *       most active users).
 * </ul>
 */
final class SocialGraph {

    static final int MAX_FOLLOWING = 5_000;
    /** The users who follow the most are raised to between 90 % of {@link #MAX_FOLLOWING} and all of it. */
    static final int HEAVY_FOLLOWERS = 20;

    private static final double FOLLOWING_MU = Math.log(23);
    private static final double FOLLOWING_SIGMA = Math.sqrt(2 * Math.log(50.0 / 23));
    private static final double POSTS_MU = Math.log(7);
    private static final double POSTS_SIGMA = Math.sqrt(2 * Math.log(20.0 / 7));
    private static final double POPULARITY_OFFSET = 6;

    final int users;
    /** followingCount[u] for user ids 1..users (index 0 unused), self-link not counted. */
    final int[] followingCount;
    /** postCount[u] for user ids 1..users. */
    final int[] postCount;
    /** user id of popularity rank r (0-based). */
    private final int[] byRank;
    /** cumulative popularity weights by rank, for sampling. */
    private final double[] cumulative;

    private final long seed;

    SocialGraph(int users, long posts, long seed) {
        if (users < 2) {
            throw new IllegalArgumentException("At least two users");
        }
        this.users = users;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        int cap = Math.min(MAX_FOLLOWING, (users - 1) / 2);

        followingCount = new int[users + 1];
        long[] byCount = new long[users];
        for (int u = 1; u <= users; u++) {
            double x = Math.exp(FOLLOWING_MU + FOLLOWING_SIGMA * gaussian(random));
            followingCount[u] = (int) Math.min(cap, Math.round(x));
            byCount[u - 1] = ((long) followingCount[u] << 32) | u;
        }
        Arrays.sort(byCount);
        for (int i = 0; i < Math.min(HEAVY_FOLLOWERS, users); i++) {
            int u = (int) byCount[users - 1 - i];
            followingCount[u] = Math.max(followingCount[u], cap - i * cap / 200);
        }

        byRank = new int[users];
        for (int i = 0; i < users; i++) {
            byRank[i] = i + 1;
        }
        for (int i = users - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = byRank[i];
            byRank[i] = byRank[j];
            byRank[j] = t;
        }
        cumulative = new double[users];
        double sum = 0;
        for (int r = 0; r < users; r++) {
            sum += 1.0 / (r + 1 + POPULARITY_OFFSET);
            cumulative[r] = sum;
        }

        postCount = new int[users + 1];
        double[] raw = new double[users + 1];
        double rawSum = 0;
        for (int u = 1; u <= users; u++) {
            raw[u] = Math.exp(POSTS_MU + POSTS_SIGMA * gaussian(random));
            rawSum += raw[u];
        }
        double scale = posts / rawSum;
        long total = 0;
        for (int u = 1; u <= users; u++) {
            postCount[u] = (int) Math.floor(raw[u] * scale + random.nextDouble());
            total += postCount[u];
        }
        while (total != posts) { // nudge random users until the total is exact
            int u = 1 + random.nextInt(users);
            if (total < posts) {
                postCount[u]++;
                total++;
            } else if (postCount[u] > 0) {
                postCount[u]--;
                total--;
            }
        }
    }

    /**
     * The users {@code follower} follows, sorted by id, without themself. Each follower has its own random
     * stream, so the result does not depend on the order in which followers are asked for.
     */
    int[] following(int follower, int[] marks) {
        int k = followingCount[follower];
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + follower);
        int[] chosen = new int[k];
        int n = 0;
        double total = cumulative[users - 1];
        while (n < k) {
            double x = random.nextDouble() * total;
            int r = Arrays.binarySearch(cumulative, x);
            int target = byRank[r < 0 ? Math.min(users - 1, -r - 1) : r];
            if (target != follower && marks[target] != follower) {
                marks[target] = follower;
                chosen[n++] = target;
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    long seed() {
        return seed;
    }

    long totalFollowing() {
        long sum = 0;
        for (int u = 1; u <= users; u++) {
            sum += followingCount[u];
        }
        return sum;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian of its own
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
