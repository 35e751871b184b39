package org.microblog.it.probe;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.microblog.domain.export.PostExport;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.service.account.AccountService;
import org.microblog.service.export.ExportJson;
import org.microblog.service.export.ExportRecords;

/**
 * An export in a state that the HTTP and browser tests cannot make from outside, for the person named by the
 * parameter {@code username}: a job finishes an export of a few posts faster than a page can be read.
 *
 * <ul>
 * <li>{@code POST /it-fixtures/export?username=U&action=running}: a running export whose job has not started, with
 * the newest post written (so the page says "1 of N"); answers its id.</li>
 * <li>{@code POST /it-fixtures/export?username=U&action=fail}: that export failed, so that nothing resumes it later
 * (the housekeeping would, two minutes on, in the middle of another test).</li>
 * </ul>
 */
@WebServlet("/it-fixtures/export")
public class ExportFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AccountService accounts;

    @Inject
    transient ExportRecords records;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long userId = accounts.getByUsername(request.getParameter("username")).getId();
        response.setContentType("text/plain");
        switch (String.valueOf(request.getParameter("action"))) {
            case "running" -> {
                PostExport export = records.create(userId);
                List<Post> newest = records.postsAfter(userId, TimelineCursor.before(export.getCreatedAt()))
                        .posts();
                if (!newest.isEmpty()) {
                    records.append(export.getId(), export.getRun(), List.of(ExportJson.post(newest.getFirst())));
                }
                response.getWriter().print(export.getId());
            }
            case "fail" -> {
                Optional<PostExport> export = records.findByOwner(userId);
                export.ifPresent(found -> records.fail(found.getId(), found.getRun()));
                response.getWriter().print(export.isPresent());
            }
            default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
