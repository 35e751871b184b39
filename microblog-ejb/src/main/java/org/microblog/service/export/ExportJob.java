package org.microblog.service.export;

import java.util.Properties;

/** The batch job that writes an export: its name and its parameters (see {@code META-INF/batch-jobs}). */
final class ExportJob {

    /** The job XML's name, {@code META-INF/batch-jobs/post-export.xml}. */
    static final String NAME = "post-export";

    static final String EXPORT_ID = "exportId";
    static final String RUN = "run";

    /** Posts per chunk: read as one page, written in one transaction (TimelineService's largest page). */
    static final int CHUNK = 100;

    private ExportJob() {}

    /** The parameters of run {@code run} of export {@code exportId}. */
    static Properties parameters(long exportId, int run) {
        Properties parameters = new Properties();
        parameters.setProperty(EXPORT_ID, Long.toString(exportId));
        parameters.setProperty(RUN, Integer.toString(run));
        return parameters;
    }
}
