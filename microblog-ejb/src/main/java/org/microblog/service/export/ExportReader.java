package org.microblog.service.export;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.microblog.domain.export.PostExport;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.service.timeline.PostPage;

/**
 * Reads the owner's posts newest first, a page of one chunk at a time, from the export's cursor in our database: the
 * batch runtime's checkpoint is not used, since its job repository is not ours (see ExportService), and a restarted
 * or re-submitted job must go on from what was committed.
 */
@Named
@Dependent
public class ExportReader extends AbstractItemReader {

    @Inject
    ExportRun export;

    @Inject
    ExportRecords records;

    private long ownerId;
    /** Where the next page starts; empty after the last page. */
    private Optional<TimelineCursor> cursor;

    private final Deque<Post> page = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        PostExport running = records.find(export.exportId())
                .filter(found -> found.isRunning() && found.getRun() == export.run())
                .orElseThrow(() ->
                        new IllegalStateException("Export " + export.exportId() + " is not for run " + export.run()));
        ownerId = running.getOwnerId();
        cursor = Optional.of(running.getCursor());
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && cursor.isPresent()) {
            PostPage next = records.postsAfter(ownerId, cursor.get());
            page.addAll(next.posts());
            cursor = next.next();
        }
        return page.poll();
    }

    @Override
    public Serializable checkpointInfo() {
        return cursor.map(TimelineCursor::token).orElse("");
    }
}
