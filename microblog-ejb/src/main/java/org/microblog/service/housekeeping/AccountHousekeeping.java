package org.microblog.service.housekeeping;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.microblog.service.account.SignInThrottle;
import org.microblog.service.schema.DatabaseOutage;

/**
 * Deletes the sign-in throttle's rows nobody touched for a day, once an hour, so that the table holds the
 * addresses and usernames of the last day only. Every instance of a cluster runs it; the second finds nothing
 * left to do. Each sweep is a transaction of its own; one that fails (it lost a lock to a sign-in, say) is
 * logged and the next hour's does its work.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountHousekeeping {

    private static final Logger LOG = Logger.getLogger(AccountHousekeeping.class.getName());

    @EJB
    SignInThrottle throttle;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void sweep() {
        try {
            int deleted = throttle.forgetStale();
            LOG.fine(() -> "Deleted " + deleted + " stale throttle rows");
        } catch (EJBException e) {
            if (DatabaseOutage.cause(e).isPresent()) {
                // The database is out: the outage's own log says so, once; the next sweep tries again.
                LOG.fine(() -> "The hourly sweep of stale throttle rows failed: the database is unavailable");
            } else {
                LOG.log(Level.WARNING, "The hourly sweep of stale throttle rows failed; the next one tries again", e);
            }
        }
    }
}
