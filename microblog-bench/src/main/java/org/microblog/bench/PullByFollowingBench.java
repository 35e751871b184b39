package org.microblog.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The pull's first page of the home timeline by how many people the reader follows: the measurement that sets the
 * threshold of stored timelines ({@code StoredTimelineSettings.threshold}), above which a reader's home timeline is
 * read from stored entries instead. For each band of following counts ({@link #BANDS}, ±10 %), up to {@value
 * #USERS_PER_BAND} readers chosen by seed, round-robin: {@code TimelineService.pulledIds} for the page and one more,
 * then the posts with their authors, as {@code home} read every page before stored timelines (after the reader's
 * following count), and beside it the same page as {@code home} reads it now (from the stored timeline of a reader who
 * has one ready). After a warm-up over all bands, a markdown table of median and p99 per band (each row after its own
 * warm-up too).
 *
 * <pre>
 * ./microblog bench --pull-by-following [--jdbc-url URL --user U] [--samples 2000] [--warmup 500] [--seed 7]
 * </pre>
 */
final class PullByFollowingBench {

    static final int[] BANDS = {10, 50, 100, 150, 200, 300, 400, 500, 700, 1000, 5000};
    static final int USERS_PER_BAND = 20;

    private PullByFollowingBench() {}

    public static void main(String[] argv) throws Exception {
        Standalone.run(argv, Benchmark.USAGE, (db, services, sampled, timed) -> {
            Database.Args args = new Database.Args(argv, Benchmark.USAGE);
            SplittableRandom random = new SplittableRandom(args.getLong("seed", 7));
            long[][] readers = new long[BANDS.length][];
            for (int b = 0; b < BANDS.length; b++) {
                readers[b] = readers(db, BANDS[b], random);
            }
            // A warm-up over every band first, so that the first band is not the one that meets a cold JIT and cache.
            int warmup = args.getInt("warmup", 500);
            for (int i = 0; i < warmup; i++) {
                for (long[] users : readers) {
                    if (users.length > 0) {
                        services.pulledPage(users[i % users.length], Benchmark.PAGE_SIZE + 1);
                    }
                }
            }
            for (int b = 0; b < BANDS.length; b++) {
                int band = BANDS[b];
                long[] users = readers[b];
                if (users.length == 0) {
                    System.out.printf(Locale.ROOT, "| Pull, first page, follows %,d ±10 %% (nobody) | | | |%n", band);
                    continue;
                }
                timed.accept(
                        String.format(
                                Locale.ROOT, "Pull, first page, follows %,d ±10 %% (%d users)", band, users.length),
                        i -> services.pulledPage(users[i % users.length], Benchmark.PAGE_SIZE + 1));
                // The page as home reads it now: from the stored timeline for those who have one ready.
                timed.accept(
                        String.format(
                                Locale.ROOT,
                                "Home, first page, follows %,d ±10 %% (%d with a stored timeline)",
                                band,
                                Arrays.stream(users)
                                        .filter(services::hasStoredTimeline)
                                        .count()),
                        i -> services.timelines(
                                t -> t.home(users[i % users.length], Optional.empty(), Benchmark.PAGE_SIZE)));
            }
        });
    }

    /** Up to {@value #USERS_PER_BAND} readers who follow {@code band} people ±10 %, chosen by seed. */
    private static long[] readers(Database db, int band, SplittableRandom random) {
        long low = Math.round(band * 0.9);
        long high = Math.round(band * 1.1);
        try (Connection c = db.connect()) {
            long[] ids = Benchmark.Samples.ids(
                    c, "SELECT id FROM users WHERE following_count BETWEEN " + low + " AND " + high + " ORDER BY id");
            long[] picked = Benchmark.Samples.pick(ids, USERS_PER_BAND, random);
            Arrays.sort(picked);
            return picked;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
