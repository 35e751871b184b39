package org.microblog.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.microblog.service.account.SignedInUser;
import org.microblog.web.security.SignedInSession;
import org.omnifaces.util.Servlets;

/**
 * Ends a session that was signed in with credentials that no longer hold: the user changed their password
 * or signed out everywhere on another browser (the credentials version moved on), or the account is gone.
 * The check is the one read of the user that every signed-in page makes anyway (CurrentUser), so it holds
 * on every instance of a cluster at once. The browser is sent to the same page as a visitor (a GET) or to
 * the sign-in page (any other request, which then changes nothing).
 */
public class CredentialsCheckFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !Servlets.isFacesResourceRequest(request)) {
            Optional<SignedInUser> user = currentUser.signedIn();
            if (user.isEmpty() || !SignedInSession.isCurrent(request, user.get().credentialsVersion())) {
                SignedInSession.end(request);
                response.sendRedirect("GET".equals(request.getMethod()) ? here(request) : signIn(request));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String here(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private static String signIn(HttpServletRequest request) {
        return request.getContextPath() + "/login";
    }
}
