package org.microblog.web.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.microblog.service.schema.DatabaseOutage;

/**
 * The log of one database outage at a time: a line for each kind of failure the first time it is met, a summary
 * every {@code summaryEvery} while it lasts (how many requests were refused), and one line when the database answers
 * again.
 *
 * <p>Written by hand because no library logs an outage this way. Payara's connection pool, EclipseLink and the EJB
 * container each log every failed attempt, two of them with a stack trace (hundreds of lines for one outage:
 * docs/operations.md, "Logs, and a database outage in them"): their loggers are turned down to SEVERE instead
 * (persistence.xml, microblog-web/src/main/payara/logging.properties), and java.util.logging has no rate limit to
 * put in their place. Only the counting is here; the callers
 * (DatabaseOutageFilter, DatabaseReadiness, the probe of {@link DatabaseOutages}) say what happened.
 */
final class OutageLog {

    private static final Logger LOG = Logger.getLogger(OutageLog.class.getName());

    private final Clock clock;
    private final Duration summaryEvery;

    /** Empty while the database answers; guarded by this. */
    private Outage outage;

    private static final class Outage {
        final Instant began;
        final Set<String> kinds = new HashSet<>();
        Instant lastSummary;
        long refused;
        long refusedSinceSummary;

        Outage(Instant began) {
            this.began = began;
            this.lastSummary = began;
        }
    }

    OutageLog(Clock clock, Duration summaryEvery) {
        this.clock = clock;
        this.summaryEvery = summaryEvery;
    }

    /**
     * A failure to reach the database: {@code what} it cost ("503 for GET /", "readiness DOWN"), {@code refused}
     * whether that was a person's request. Returns true when it began an outage.
     */
    synchronized boolean failed(String what, Throwable cause, boolean refused) {
        boolean began = outage == null;
        if (began) {
            outage = new Outage(clock.instant());
        }
        if (refused) {
            outage.refused++;
            outage.refusedSinceSummary++;
        }
        String kind = DatabaseOutage.kind(cause);
        if (outage.kinds.add(kind)) {
            LOG.warning(() -> "Database unavailable (" + kind + "), " + what
                    + (began ? "; a summary every " + seconds(summaryEvery) + " until it answers" : "") + ": "
                    + cause.getMessage());
        } else {
            summarizeIfDue();
        }
        return began;
    }

    /** Time passes: the summary, if one is due. */
    synchronized void tick() {
        if (outage != null) {
            summarizeIfDue();
        }
    }

    /** The database answered: the outage, if there was one, is over. Returns true when one ended. */
    synchronized boolean answered() {
        if (outage == null) {
            return false;
        }
        Outage over = outage;
        outage = null;
        LOG.info(() -> "Database available again after " + seconds(Duration.between(over.began, clock.instant())) + ": "
                + over.refused + " requests refused in all");
        return true;
    }

    private void summarizeIfDue() {
        Instant now = clock.instant();
        if (Duration.between(outage.lastSummary, now).compareTo(summaryEvery) < 0) {
            return;
        }
        Outage current = outage;
        long refused = current.refusedSinceSummary;
        LOG.warning(() -> "Database still unavailable after " + seconds(Duration.between(current.began, now)) + ": "
                + refused + " requests refused in the last " + seconds(Duration.between(current.lastSummary, now))
                + ", " + current.refused + " in all");
        current.lastSummary = now;
        current.refusedSinceSummary = 0;
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
