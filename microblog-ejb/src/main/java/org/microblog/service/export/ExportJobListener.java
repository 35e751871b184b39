package org.microblog.service.export;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Marks the export failed when its job failed. A stopped job leaves it running: it is resumed from its cursor
 * (ExportService.resumeStalled), as one whose instance died is.
 */
@Named
@Dependent
public class ExportJobListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(ExportJobListener.class.getName());

    @Inject
    ExportRun export;

    @Inject
    JobContext job;

    @Inject
    ExportRecords records;

    @Override
    public void afterJob() {
        if (job.getBatchStatus() == BatchStatus.FAILED) {
            LOG.warning(() -> "Export " + export.exportId() + " failed in run " + export.run() + " (job execution "
                    + job.getExecutionId() + "): see the exception above");
            records.fail(export.exportId(), export.run());
        }
    }
}
