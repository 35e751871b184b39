package org.microblog.service.export;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The last step: the export is finished and its owner told ({@link ExportRecords#finish}). */
@Named
@Dependent
public class ExportFinisher extends AbstractBatchlet {

    @Inject
    ExportRun export;

    @Inject
    ExportRecords records;

    @Override
    public String process() {
        records.finish(export.exportId(), export.run());
        return "FINISHED";
    }
}
