package org.microblog.web.health;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A plain SIGTERM (an operator's {@code kill}, systemd, a machine shutting down) stops this instance without a
 * request seeing an error: readiness turns DOWN ({@link ShutdownReadiness}), the instance keeps serving while the
 * balancer's checks notice and what is in progress finishes, and only then does it exit, so that Payara's own
 * shutdown hook stops the applications and after them the data grid that holds the sessions.
 *
 * <p>Written by hand because nothing in Payara Micro or Jakarta EE does it: the JVM's default answer to SIGTERM
 * runs the shutdown hooks at once, and Payara's stops the web container while the balancer still sends requests
 * (they get Payara's own error page). The instance waits for the balancer's checks by itself, rather than
 * telling the balancer, because on several machines the balancer is elsewhere and its API is not ours to call:
 * it waits until no request has come for {@code microblog.shutdown.quiet-seconds} (default 3: HAProxy checks
 * every second and takes an instance out after two failed checks, cluster/haproxy.cfg) and none is in progress,
 * at most {@code microblog.shutdown.limit-seconds} (default 30). {@code sun.misc.Signal} is in the JDK's
 * {@code jdk.unsupported} module, which is there for exactly this kind of use.
 */
@WebListener
public class GracefulShutdown implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    private static final Signal TERM = new Signal("TERM");
    /** What the JVM's own answer to SIGTERM exits with (128 + 15): a supervisor sees what it always saw. */
    private static final int EXIT_STATUS = 143;

    @Inject
    Shutdown shutdown;

    @Inject
    @ConfigProperty(name = "microblog.shutdown.quiet-seconds", defaultValue = "3")
    int quietSeconds;

    @Inject
    @ConfigProperty(name = "microblog.shutdown.limit-seconds", defaultValue = "30")
    int limitSeconds;

    private SignalHandler previous;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            previous = Signal.handle(TERM, signal -> stop());
        } catch (IllegalArgumentException unavailable) {
            // -Xrs, or another VM that keeps SIGTERM for itself: the JVM's own shutdown, as before
            LOG.log(Level.WARNING, "SIGTERM stops this instance at once: {0}", unavailable.getMessage());
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (previous != null && !shutdown.isUnderway()) {
            Signal.handle(TERM, previous);
        }
    }

    /** On the JVM's thread for the signal; a second SIGTERM while it waits changes nothing. */
    private void stop() {
        long start = System.nanoTime();
        synchronized (this) {
            if (shutdown.isUnderway()) {
                return;
            }
            shutdown.begin();
        }
        LOG.log(
                Level.INFO,
                "SIGTERM: readiness DOWN; stopping once no request has come for {0} s ({1} in progress)",
                new Object[] {quietSeconds, shutdown.inProgress()});
        try {
            boolean quiet = shutdown.awaitQuiet(Duration.ofSeconds(quietSeconds), Duration.ofSeconds(limitSeconds));
            LOG.log(Level.INFO, "Stopping after {0} ms{1}", new Object[] {
                Duration.ofNanos(System.nanoTime() - start).toMillis(),
                quiet ? "" : ", with " + shutdown.inProgress() + " requests still in progress"
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(EXIT_STATUS);
    }
}
