package org.microblog.service.timeline.stored;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.microblog.service.post.PostPublished;
import org.microblog.service.schema.DatabaseOutage;
import org.microblog.service.schema.SchemaReady;

/**
 * The stored timelines' worker, on every instance: fans out published posts and builds stored timelines, each claimed
 * in the database so that the instances of a cluster share the work and an instance that dies leaves its part to the
 * others (the claims run out). A commit of a post on this instance wakes it at once; it also looks for work
 * {@value #POLL_MILLIS} ms after it last found none, which is how posts published on other instances reach it, and
 * trims the stored timelines every minute. The look is rare: a database outage that catches a worker mid-transaction
 * makes Payara's pool log a stack trace, and at every 250 ms a look hit one outage in three (DatabaseFaultsIT).
 *
 * <p>Up to {@value #DRAINERS} threads work at once, so that a post whose author has a hundred thousand followers does
 * not hold back everyone else's. Written by hand: it is a loop over claims in our own tables.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StoredTimelineWorker {

    private static final Logger LOG = Logger.getLogger(StoredTimelineWorker.class.getName());

    static final long POLL_MILLIS = 5_000;
    static final int DRAINERS = 2;
    private static final int TRIMMED_PER_MINUTE = 2_000;

    @Resource
    ManagedScheduledExecutorService executor;

    @EJB
    FanOutService fanOuts;

    @EJB
    TimelineBuildService builds;

    @Inject
    StoredTimelineSettings settings;

    /** This instance's name in the claims: its process id, so that an operator can tell whose a claim is. */
    private final String worker = "pid-" + ProcessHandle.current().pid() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    private final Semaphore drainers = new Semaphore(DRAINERS);
    private final List<Future<?>> schedules = new ArrayList<>();
    private volatile long trimmedUpTo;

    /** With the schema up to date: starts the stored timelines that are missing and the loops, or forgets them all. */
    public void start(@Observes SchemaReady ready) {
        if (!settings.enabled()) {
            int forgotten = builds.forgetAll();
            LOG.info(() -> "Stored timelines are off; " + forgotten + " will be built again when they are on");
            return;
        }
        executor.execute(() -> guarded("start the missing stored timelines", () -> {
            int started = builds.startMissing();
            LOG.info(() -> started + " stored timelines to build");
        }));
        schedules.add(executor.scheduleWithFixedDelay(this::wake, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS));
        schedules.add(executor.scheduleWithFixedDelay(
                () -> guarded("trim the stored timelines", this::trim), 1, 1, TimeUnit.MINUTES));
    }

    @PreDestroy
    void stop() {
        schedules.forEach(schedule -> schedule.cancel(false));
    }

    /** A post was committed on this instance: its fan-out starts now rather than at the next look. */
    public void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostPublished post) {
        if (settings.enabled()) {
            executor.execute(this::wake);
        }
    }

    /** Starts draining on a free thread, if there is one. */
    private void wake() {
        if (drainers.tryAcquire()) {
            try {
                guarded("fan out posts and build stored timelines", this::drain);
            } finally {
                drainers.release();
            }
        }
    }

    /** Works until there is nothing left to claim. */
    private void drain() {
        boolean worked = true;
        while (worked) {
            worked = false;
            Optional<Long> post = fanOuts.claim(worker);
            if (post.isPresent()) {
                while (!fanOuts.nextChunk(post.get(), worker)) {
                    // one transaction per chunk
                }
                worked = true;
            }
            Optional<Long> reader = builds.claim(worker);
            if (reader.isPresent()) {
                build(reader.get());
                worked = true;
            }
        }
    }

    /** Builds, and builds again as long as the reader follows someone while it reads. */
    private void build(long readerId) {
        while (true) {
            try {
                builds.build(readerId, worker);
                return;
            } catch (TimelineBuildService.FollowedMeanwhile again) {
                LOG.fine(() -> "Building the stored timeline of " + readerId + " again: " + again.getMessage());
            }
        }
    }

    private void trim() {
        int trimmed = 0;
        while (trimmed < TRIMMED_PER_MINUTE) {
            Optional<Long> last = builds.trim(trimmedUpTo, 200);
            trimmed += 200;
            trimmedUpTo = last.orElse(0L);
            if (last.isEmpty()) {
                return;
            }
        }
    }

    /** Runs a piece of work whose failure must not end the loop: the next turn tries again. */
    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (DatabaseOutage.cause(e).isPresent()) {
                LOG.fine(() -> "Could not " + what + ": the database is unavailable");
            } else {
                LOG.log(Level.WARNING, "Could not " + what + "; trying again", e);
            }
        }
    }
}
