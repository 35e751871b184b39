package org.microblog.service.export;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The last step: the export is finished and its owner told ({@link ExportRecords#finish}). */
@Named
@Dependent
public class ExportFinisher extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = ExportJob.EXPORT_ID)
    String exportId;

    @Inject
    @BatchProperty(name = ExportJob.RUN)
    String run;

    @Inject
    ExportRecords records;

    @Override
    public String process() {
        records.finish(Long.parseLong(exportId), Integer.parseInt(run));
        return "FINISHED";
    }
}
