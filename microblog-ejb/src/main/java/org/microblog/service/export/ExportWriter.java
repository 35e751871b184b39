package org.microblog.service.export;

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
    ExportRun export;

    @Inject
    ExportRecords records;

    @Override
    public void writeItems(List<Object> items) {
        records.append(
                export.exportId(),
                export.run(),
                items.stream().map(PostJson.class::cast).toList());
    }
}
