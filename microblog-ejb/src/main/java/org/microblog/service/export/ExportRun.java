package org.microblog.service.export;

import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.Properties;

/**
 * Which export, and which run of it, the batch job on this thread writes: the job's properties ({@link
 * ExportJob#parameters}, post-export.xml), read once here for every artifact of the job that injects it.
 */
record ExportRun(long exportId, int run) {

    /** Makes an {@link ExportRun} injectable into the job's artifacts, from the job they are made for. */
    @Dependent
    static class Producer {

        @Produces
        @Dependent
        ExportRun current(JobContext job) {
            Properties properties = job.getProperties();
            return new ExportRun(
                    Long.parseLong(properties.getProperty(ExportJob.EXPORT_ID)),
                    Integer.parseInt(properties.getProperty(ExportJob.RUN)));
        }
    }
}
