package org.microblog.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.microblog.service.timeline.stored.Claims;
import org.microblog.service.timeline.stored.StoredTimelineSettings;
import org.microblog.service.timeline.stored.TimelineBuildService;

/**
 * Builds stored home timelines (issue 25) outside the server, as its worker does ({@code StoredTimelineWorker}): a
 * claim, then the build from the pull, each in a transaction of its own, the build again when the reader followed
 * someone meanwhile. On {@value #THREADS} threads (the worker's number of drainers), each call on an entity manager
 * of its own, with the rows done, the rate and the time left printed as it goes.
 *
 * <p>{@link Generate} builds every missing one of its data set; {@link Benchmark} those of its sampled readers.
 */
final class StoredTimelines {

    static final int THREADS = 2;

    private final Database db;
    private final Services services;
    private final StoredTimelineSettings settings;

    StoredTimelines(Database db, Services services) {
        this.db = db;
        this.services = services;
        this.settings = services.storedTimelineSettings();
    }

    /**
     * Starts a stored timeline for every reader who follows as many as the threshold and has none ({@link
     * TimelineBuildService#startMissing}), then builds every one that is not ready, claimed as the worker claims them.
     * Whatever exists is kept: this only adds what is missing. A claim held by a worker that died runs out after
     * {@link Claims#LEASE}: it waits for it once, then builds what it left.
     */
    void buildMissing() {
        int started = services.transaction(c -> c.builds.startMissing());
        long toBuild = notReady();
        System.out.printf(
                Locale.ROOT,
                "Stored timelines: %,d started for readers who follow %,d or more; %,d to build%n",
                started,
                settings.threshold(),
                toBuild);
        Progress progress = new Progress("stored timelines", toBuild);
        boolean waited = false;
        while (true) {
            long before = progress.done();
            onThreads(worker -> () -> {
                Optional<Long> reader;
                while ((reader = services.transaction(c -> c.builds.claim(worker))).isPresent()) {
                    if (build(reader.get(), worker)) {
                        synchronized (progress) {
                            progress.add(1);
                        }
                    }
                }
            });
            long left = notReady();
            if (left == 0 || (waited && progress.done() == before)) {
                if (left > 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "  %,d stored timelines are claimed by another worker (a running server?): left to it%n",
                            left);
                }
                break;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %,d stored timelines are claimed by another worker: waiting for the claims to run out%n",
                    left);
            sleep(Claims.LEASE.toMillis() + 1_000);
            waited = true;
        }
        progress.finish();
    }

    /**
     * Makes sure that each of {@code readers} who follows as many as the threshold has a ready stored timeline:
     * started, claimed (this reader's row, with the worker's own claim statement) and built where missing.
     *
     * @return how many were built
     */
    int ensureReady(long[] readers) {
        List<Long> missing = new ArrayList<>();
        for (long reader : readers) {
            long following = single("SELECT following_count FROM users WHERE id = " + reader);
            if (following >= settings.threshold() && !isReady(reader)) {
                missing.add(reader);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        Progress progress = new Progress("stored timelines", missing.size());
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(missing);
        onThreads(worker -> () -> {
            Long reader;
            while ((reader = queue.poll()) != null) {
                long id = reader;
                services.transaction(c -> {
                    c.builds.start(id);
                    return null;
                });
                if (!claim(id, worker) || !build(id, worker)) {
                    throw new IllegalStateException("The stored timeline of user " + id
                            + " is being built by another worker (a running" + " server?): try again when it is done");
                }
                synchronized (progress) {
                    progress.add(1);
                }
            }
        });
        progress.finish();
        analyze();
        return missing.size();
    }

    /** Builds the claimed stored timeline, again as long as the reader follows someone meanwhile. */
    private boolean build(long reader, String worker) {
        while (true) {
            try {
                return services.transaction(c -> c.builds.build(reader, worker));
            } catch (TimelineBuildService.FollowedMeanwhile again) {
                // built again, as the worker does
            }
        }
    }

    /** {@link TimelineBuildService#claim(long, String)}, in a transaction of its own. */
    private boolean claim(long reader, String worker) {
        return services.transaction(c -> c.builds.claim(reader, worker));
    }

    /** Runs one task per thread, each named as a worker of its own, and waits for all of them. */
    private static void onThreads(java.util.function.Function<String, Runnable> task) {
        String prefix = "bench-" + ProcessHandle.current().pid() + "-";
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                running.add(pool.submit(task.apply(prefix + t)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw e.getCause() instanceof RuntimeException cause
                            ? cause
                            : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private boolean isReady(long reader) {
        return single("SELECT COUNT(*) FROM stored_timelines WHERE ready = TRUE AND reader_id = " + reader) > 0;
    }

    private long notReady() {
        return single("SELECT COUNT(*) FROM stored_timelines WHERE ready = FALSE");
    }

    /**
     * Fresh statistics on the two tables, so that the planners see the entries; on PostgreSQL a vacuum too, which
     * marks the pages all-visible, so that reading the entries' index needs no visit to the table (as autovacuum
     * would, some time later, in the middle of a benchmark).
     */
    void analyze() {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            if (db.isPostgres()) {
                s.execute("VACUUM (ANALYZE) stored_timelines");
                s.execute("VACUUM (ANALYZE) timeline_entries");
            } else {
                for (String table : List.of("STORED_TIMELINES", "TIMELINE_ENTRIES")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(CURRENT SCHEMA, '" + table + "', NULL)");
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many readers have a ready stored timeline, how many entries they hold, and the bytes of the entries. */
    record Size(long readers, long building, long entries, Optional<Long> bytes) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%,d readers with a stored timeline%s, %,d entries%s",
                    readers,
                    building > 0 ? String.format(Locale.ROOT, " (and %,d being built)", building) : "",
                    entries,
                    bytes.map(b -> String.format(
                                    Locale.ROOT,
                                    ", %,.1f MB (timeline_entries with its index, %.0f bytes an entry)",
                                    b / 1e6,
                                    entries == 0 ? 0.0 : (double) b / entries))
                            .orElse(""));
        }
    }

    Size size() {
        Optional<Long> bytes;
        if (db.isPostgres()) {
            bytes = Optional.of(single("SELECT pg_total_relation_size('timeline_entries')"));
        } else {
            // Derby's pages of the table and of its index
            bytes = Optional.of(single("SELECT SUM((NUMALLOCATEDPAGES + NUMFREEPAGES) * PAGESIZE) "
                    + "FROM TABLE (SYSCS_DIAG.SPACE_TABLE(CURRENT SCHEMA, 'TIMELINE_ENTRIES')) t"));
        }
        return new Size(
                single("SELECT COUNT(*) FROM stored_timelines WHERE ready = TRUE"),
                notReady(),
                single("SELECT COUNT(*) FROM timeline_entries"),
                bytes);
    }

    private long single(String sql) {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
