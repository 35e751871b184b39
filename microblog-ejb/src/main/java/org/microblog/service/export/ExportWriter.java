package org.microblog.service.export;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Appends a chunk's posts to the export and moves its cursor, in the chunk's transaction ({@link ExportRecords#append}). */
@Named
@Dependent
public class ExportWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = ExportJob.EXPORT_ID)
    String exportId;

    @Inject
    @BatchProperty(name = ExportJob.RUN)
    String run;

    @Inject
    ExportRecords records;

    @Override
    public void writeItems(List<Object> items) {
        records.append(
                Long.parseLong(exportId),
                Integer.parseInt(run),
                items.stream().map(PostJson.class::cast).toList());
    }
}
