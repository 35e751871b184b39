package org.microblog.service.export;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.microblog.domain.post.Post;

/** Writes one post as the file's JSON ({@link ExportJson#post}). */
@Named
@Dependent
public class ExportProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object post) {
        return ExportJson.post((Post) post);
    }
}
