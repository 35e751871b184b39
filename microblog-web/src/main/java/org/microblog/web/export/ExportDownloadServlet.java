package org.microblog.web.export;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microblog.domain.export.PostExport;
import org.microblog.service.account.AccountService;
import org.microblog.service.export.ExportService;
import org.microblog.web.session.CurrentUser;

/**
 * Serves a finished export, {@code /exports/{id}}, to its owner as a JSON attachment. Anyone else (another person, a
 * visitor, an id that is not a finished export) gets our 404 page, so that the address tells nobody whether an export
 * exists. It is read from the database, so any instance of a cluster serves it.
 */
@WebServlet(urlPatterns = ExportDownloadServlet.PATH + "/*")
public class ExportDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String PATH = "/exports";
    private static final Pattern EXPORT = Pattern.compile("/([1-9][0-9]{0,17})");

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient ExportService exports;

    @Inject
    transient AccountService accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Matcher m = path == null ? null : EXPORT.matcher(path);
        Optional<PostExport> export = m == null || !m.matches()
                ? Optional.empty()
                : currentUser.id().flatMap(me -> exports.findDownload(me, Long.parseLong(m.group(1))));
        if (export.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String username = accounts.getById(export.get().getOwnerId()).getUsername(); // [A-Za-z0-9_.-] only
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"microblog-" + username + "-posts.json\"");
        response.setHeader("Cache-Control", "private, no-store");
        Writer out = response.getWriter();
        exports.writeFile(export.get(), out);
        out.flush();
    }
}
