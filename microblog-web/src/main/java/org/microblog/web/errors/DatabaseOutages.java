package org.microblog.web.errors;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.microblog.service.schema.DatabaseMigrations;
import org.microblog.service.schema.DatabaseOutage;

/**
 * What this instance knows of a database outage, for its log ({@link OutageLog}): the requests refused
 * (DatabaseOutageFilter), the readiness checks (DatabaseReadiness, every second behind HAProxy), and while an
 * outage lasts, a probe of its own every {@value #PROBE_SECONDS} s, so that the summaries come on time and the
 * end is seen even on a single instance that nobody checks and that gets no requests.
 */
@ApplicationScoped
public class DatabaseOutages {

    static final long PROBE_SECONDS = 2;
    private static final int VALID_TIMEOUT_SECONDS = 2;

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final OutageLog log;

    /**
     * Running while an outage lasts. Guarded by this, as are the calls that begin and end an outage, so that the
     * probe runs exactly while there is one.
     */
    private ScheduledFuture<?> probe;

    @Inject
    public DatabaseOutages(
            @ConfigProperty(name = "microblog.database.outage-summary-seconds", defaultValue = "30")
                    long summarySeconds) {
        this.log = new OutageLog(Clock.systemUTC(), Duration.ofSeconds(summarySeconds));
    }

    /** For CDI's proxy only. */
    protected DatabaseOutages() {
        this.log = null;
    }

    /** A request refused with 503 because of {@code cause}, an outage ({@link DatabaseOutage#cause}). */
    public synchronized void refused(String request, Throwable cause) {
        if (log.failed("503 for " + request, cause, true)) {
            startProbe();
        }
    }

    /** The readiness check could not reach the database. */
    public synchronized void unreachable(SQLException failure) {
        if (log.failed("readiness DOWN", DatabaseOutage.cause(failure).orElse(failure), false)) {
            startProbe();
        }
    }

    /** The database answered. */
    public synchronized void answered() {
        if (log.answered()) {
            stopProbe();
        }
    }

    private synchronized void startProbe() {
        if (probe == null) {
            probe = scheduler.scheduleWithFixedDelay(this::probe, PROBE_SECONDS, PROBE_SECONDS, TimeUnit.SECONDS);
        }
    }

    private synchronized void stopProbe() {
        if (probe != null) {
            probe.cancel(false);
            probe = null;
        }
    }

    /** Outside the lock: a connection attempt may take seconds. */
    private void probe() {
        boolean valid;
        try (Connection connection = dataSource.getConnection()) {
            valid = connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException stillDown) {
            valid = false;
        }
        if (valid) {
            answered();
        } else {
            log.tick();
        }
    }

    @PreDestroy
    void stop() {
        stopProbe();
    }
}
