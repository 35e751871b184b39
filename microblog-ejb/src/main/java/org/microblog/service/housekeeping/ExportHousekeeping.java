package org.microblog.service.housekeeping;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.microblog.service.export.ExportService;
import org.microblog.service.schema.DatabaseOutage;

/**
 * Every minute: resumes the exports of posts whose job died (an instance stopped mid-way), and deletes those kept a
 * day. Every instance of a cluster runs it; the version check on the export's row lets one instance resume an export,
 * and the others find nothing left to delete.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportHousekeeping {

    private static final Logger LOG = Logger.getLogger(ExportHousekeeping.class.getName());

    @EJB
    ExportService exports;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sweep() {
        try {
            int resumed = exports.resumeStalled(ExportService.STALLED);
            int deleted = exports.deleteExpired();
            LOG.fine(() -> "Exports resumed: " + resumed + ", deleted: " + deleted);
        } catch (EJBException e) {
            if (DatabaseOutage.cause(e).isPresent()) {
                // The database is out: the outage's own log says so, once; the next sweep tries again.
                LOG.fine(() -> "The sweep of exports failed: the database is unavailable");
            } else {
                LOG.log(Level.WARNING, "The sweep of exports failed; the next one tries again", e);
            }
        }
    }
}
