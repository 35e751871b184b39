package org.microblog.bench;

import java.util.Locale;

/**
 * Rows done of a known total, printed every few seconds with the rate and the time left: for the steps of
 * {@link Generate} that take minutes at a million users.
 */
final class Progress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String step;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long printed = started;

    Progress(String step, long total) {
        this.step = step;
        this.total = Math.max(total, 1);
    }

    void add(long rows) {
        done += rows;
        long now = System.nanoTime();
        if (now - printed >= EVERY_NANOS) {
            printed = now;
            print(now, false);
        }
    }

    /** How many rows are done so far. */
    long done() {
        return done;
    }

    /** Prints the step's total time and rate. */
    void finish() {
        print(System.nanoTime(), true);
    }

    private void print(long now, boolean finished) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = done / seconds;
        if (finished) {
            System.out.printf(
                    Locale.ROOT, "  %-26s %,13d rows in %s (%,.0f rows/s)%n", step, done, time(seconds), rate);
        } else {
            double left = rate > 0 ? (total - done) / rate : 0;
            System.out.printf(
                    Locale.ROOT,
                    "  %-26s %,13d of %,d rows (%.0f %%), %,.0f rows/s, about %s left%n",
                    step,
                    done,
                    total,
                    100.0 * done / total,
                    rate,
                    time(left));
        }
    }

    static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
