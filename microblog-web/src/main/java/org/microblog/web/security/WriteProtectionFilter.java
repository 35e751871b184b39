package org.microblog.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.logging.Logger;
import org.microblog.web.api.ApiAddresses;

/**
 * Protects every request that can change something against cross-site request forgery, before any of the
 * application runs: anything but a GET or HEAD. That is also every request Faces runs as a form's postback, since
 * Faces takes only a POST for one (PostbacksArePosts); a GET that carries a form's fields is PostbackFilter's,
 * mapped before this one in web.xml. It answers 403 with the error page, and creates no session, when:
 *
 * <ol>
 * <li>the browser says the request comes from another site: Fetch Metadata's {@code Sec-Fetch-Site} is not
 * {@code same-origin} (or {@code none}, a request the person made themself), or, from a browser that does
 * not send it, the {@code Origin} is not this site. A request with neither header is not from a browser
 * following another site's page, and passes this step. This protects sign-in and registration, which
 * visitors send without a session.</li>
 * <li>a signed-in user's request lacks the write token of their session (see {@link SignedInSession}).</li>
 * </ol>
 *
 * The client API and the OAuth endpoints (ApiAddresses) are left alone: they authenticate by Bearer token or client
 * secret only and ignore cookies, so another site's page can make a browser send them nothing it could not send
 * itself; and web apps on other origins must be able to call them.
 *
 * <p>Written by hand because Faces' own protection is the ViewState of stateful views, which Microblog gave up
 * so that a page costs no session; Jakarta EE has no filter of this kind.
 */
public class WriteProtectionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WriteProtectionFilter.class.getName());
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (READ_METHODS.contains(request.getMethod()) || ApiAddresses.isApi(request)) {
            chain.doFilter(request, response);
        } else if (!isSameOrigin(request)) {
            refuse(request, response, "it came from another site");
        } else if (request.getUserPrincipal() != null && !SignedInSession.carriesWriteToken(request)) {
            refuse(request, response, "it lacks the session's write token");
        } else {
            chain.doFilter(request, response);
        }
    }

    static boolean isSameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        return origin == null || isThisHost(origin, request.getHeader("Host"));
    }

    /** Whether an Origin header names this host; the scheme may differ behind a proxy that ends TLS. */
    private static boolean isThisHost(String origin, String host) {
        try {
            String authority = new URI(origin).getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        LOG.info(() -> "Refused " + request.getMethod() + " " + request.getRequestURI() + ": " + why);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
