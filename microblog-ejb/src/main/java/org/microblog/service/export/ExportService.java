package org.microblog.service.export;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.microblog.domain.export.PostExport;

/**
 * "Export my posts": starts the batch job that writes a person's export, tells how far it has got, hands the finished
 * file to its owner only, resumes exports whose job died, and deletes them a day after they last changed.
 *
 * <p><b>Why the job's state is ours.</b> Payara Micro keeps the batch runtime's job repository in an H2 database of
 * its own ({@code jdbc/__default}, domain.xml's {@code batch-runtime-configuration}), under the instance's root folder,
 * which is a temporary folder unless {@code --rootdir} names one: every instance of a cluster has its own, and it goes
 * with the instance. {@code set-batch-runtime-configuration} can name another server-level data source, not the one
 * this application declares for itself. A job that an instance was running when it died can therefore not be
 * restarted through {@link JobOperator#restart} by another instance, or by itself after a restart. Its state lives in
 * our database instead, on the export's row: the cursor of the last post written, moved in the same transaction as
 * the chunk it wrote (ExportRecords.append). Resuming is starting a new job for the export, which reads on from that
 * cursor; the run number on the row makes sure only the newest job writes. The file lives in the database too, a row
 * per post, so every instance can serve it.
 *
 * <p>The methods run outside a transaction: each step is a transaction of ExportRecords, and a job is started only
 * once its export's row is committed, so that the job finds it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportService {

    /** A running export that has not moved for this long has lost its job; a chunk takes milliseconds. */
    public static final Duration STALLED = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(ExportService.class.getName());

    @Inject
    ExportRecords records;

    /**
     * Starts exporting the person's posts, replacing their last export.
     *
     * @return the new export, running
     * @throws ExportRunningException if one is running already
     */
    public PostExport start(long ownerId) {
        PostExport export = records.create(ownerId);
        submit(export.getId(), export.getRun());
        return export;
    }

    /** The person's export, running, finished or failed, if they have one (it is kept a day). */
    public Optional<PostExport> findExport(long ownerId) {
        return records.findByOwner(ownerId);
    }

    /** Export {@code exportId} if it is finished and {@code userId} owns it: anyone else gets nothing. */
    public Optional<PostExport> findDownload(long userId, long exportId) {
        return records.find(exportId).filter(export -> export.isOwnedBy(userId) && export.isFinished());
    }

    /** Writes the file of a finished export ({@link ExportJson}), reading its posts a page at a time. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void writeFile(PostExport export, Writer out) throws IOException {
        if (!export.isFinished()) {
            throw new IllegalArgumentException("Not finished: " + export);
        }
        ExportJson.writeFile(export.getAccountJson(), records.postsOf(export), out);
    }

    /**
     * Starts a new run of every running export that has not moved for {@code quiet} ({@link #STALLED} for the
     * housekeeping): it goes on from the last chunk committed. Another instance may take one first; then this one
     * leaves it.
     *
     * @return how many were resumed here
     */
    public int resumeStalled(Duration quiet) {
        int resumed = 0;
        for (long exportId : records.stalled(quiet)) {
            OptionalInt run;
            try {
                run = records.resume(exportId, quiet);
            } catch (EJBException e) {
                LOG.log(Level.FINE, e, () -> "Export " + exportId + " was resumed by another instance");
                continue;
            }
            if (run.isPresent()) {
                LOG.info(() -> "Resuming export " + exportId + " in run " + run.getAsInt());
                submit(exportId, run.getAsInt());
                resumed++;
            }
        }
        return resumed;
    }

    /** Deletes the exports kept for a day since they last changed, with their files. */
    public int deleteExpired() {
        return records.deleteExpired();
    }

    private void submit(long exportId, int run) {
        try {
            long execution = BatchRuntime.getJobOperator().start(ExportJob.NAME, ExportJob.parameters(exportId, run));
            LOG.fine(() -> "Export " + exportId + " run " + run + " is job execution " + execution);
        } catch (RuntimeException e) {
            records.fail(exportId, run);
            throw e;
        }
    }
}
