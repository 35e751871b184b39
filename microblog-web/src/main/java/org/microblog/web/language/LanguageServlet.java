package org.microblog.web.language;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.microblog.web.login.SafeReturn;

/**
 * The language switch ("English | Español" at the foot of every page, error pages included): a POST of the
 * form in the tag {@code mb:languageSwitch} with {@code language} (a tag of ours, anything else is a 400) and
 * {@code next} (the page to go back to, a path on this site, else the home page). It remembers the choice in
 * {@link LanguageCookie} and answers 303 to that page. A plain servlet, not a Faces action, so that it works
 * from every page; WriteProtectionFilter checks it like every other POST (same site, the write token of a
 * signed-in user).
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LanguageCookie cookie;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Language> chosen = Language.ofTag(request.getParameter("language"));
        if (chosen.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        cookie.write(request, response, chosen.get());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", SafeReturn.path(request.getParameter("next"), request.getContextPath()));
    }
}
