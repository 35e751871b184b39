package org.microblog.web.export;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.microblog.domain.export.PostExport;
import org.microblog.service.export.ExportService;
import org.microblog.web.format.TimeFormat;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.util.Faces;

/**
 * Backs {@code /export} (signed-in users only, web.xml): the person's export of their posts, running (with how many
 * posts are done, the page reloading itself every {@value #REFRESH_SECONDS} seconds, no script needed), finished
 * (with the download link) or failed, or none.
 */
@Named
@RequestScoped
public class ExportBacking {

    /** How often the page reloads itself while the export runs. */
    public static final int REFRESH_SECONDS = 2;

    @Inject
    CurrentUser currentUser;

    @Inject
    ExportService exports;

    @Inject
    TimeFormat time;

    private Optional<PostExport> export;

    private PostExport export() {
        return find().orElseThrow(() -> new IllegalStateException("No export to show"));
    }

    private Optional<PostExport> find() {
        if (export == null) {
            export = exports.findExport(currentUser.requireId());
        }
        return export;
    }

    public boolean isNone() {
        return find().isEmpty();
    }

    public boolean isRunning() {
        return find().filter(PostExport::isRunning).isPresent();
    }

    public boolean isFinished() {
        return find().filter(PostExport::isFinished).isPresent();
    }

    public boolean isFailed() {
        return find().filter(found -> found.getState() == PostExport.State.FAILED)
                .isPresent();
    }

    public int getPostsDone() {
        return export().getPostsDone();
    }

    public int getPostsTotal() {
        return export().getPostsTotal();
    }

    public int getRefreshSeconds() {
        return REFRESH_SECONDS;
    }

    /** The download's address. */
    public String getDownloadUrl() {
        return Faces.getRequestContextPath() + ExportDownloadServlet.PATH + "/" + export().getId();
    }

    /** Until when the file is kept, machine-readable ({@code <time datetime>}). */
    public String getKeptUntil() {
        return time.iso(export().getKeptUntil());
    }

    /** Until when the file is kept, in the page's language. */
    public String getKeptUntilText() {
        return time.dateTime(export().getKeptUntil());
    }
}
