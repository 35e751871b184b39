package org.microblog.web.avatar;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microblog.service.account.AccountService;

/**
 * Serves generated avatars: {@code /avatars/v1/{user id}.svg} for pages, {@code .png} for apps ({@link Identicon}). The image depends on the
 * id and the drawing's version only, both in the URL, so it is cached for a year as immutable, with an ETag
 * for a browser that asks again. Anything else under {@code /avatars}, or an id no user has, is our 404 page.
 * It never touches the HTTP session.
 */
@WebServlet(urlPatterns = AvatarServlet.PATH + "/*")
public class AvatarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String PATH = "/avatars";
    private static final Pattern AVATAR = Pattern.compile("/v" + Identicon.VERSION + "/([1-9][0-9]{0,17})\\.(svg|png)");
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    @Inject
    transient AccountService accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String path = request.getPathInfo();
        Matcher m = path == null ? null : AVATAR.matcher(path);
        if (m == null || !m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(m.group(1));
        if (accounts.findById(id).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean png = m.group(2).equals("png");
        String etag = "\"v" + Identicon.VERSION + "-" + id + (png ? "-png" : "") + "\"";
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("ETag", etag);
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body;
        if (png) {
            body = Identicon.png(id);
            response.setContentType("image/png");
            response.setCharacterEncoding((String) null); // a bitmap has no charset (a filter set UTF-8 before)
        } else {
            body = Identicon.svg(id).getBytes(StandardCharsets.UTF_8);
            response.setContentType("image/svg+xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
