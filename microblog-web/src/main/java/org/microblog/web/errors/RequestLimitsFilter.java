package org.microblog.web.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.microblog.web.api.ApiAddresses;

/**
 * What a request may be before anything reads it, answered with our error pages (mapped in web.xml right after
 * the count of requests in progress):
 *
 * <ul>
 * <li>a page is read (GET, HEAD) or a form is sent (POST); any other method gets 405 with {@code Allow}; the client
 * API (ApiAddresses) also takes PUT, PATCH, DELETE and OPTIONS;</li>
 * <li>a POST says how long it is, and that is at most {@value #MAX_BODY_BYTES} bytes: 411 without a
 * {@code Content-Length} (browsers always send one for a form), 413 above. The largest form, the profile editor,
 * is a few kilobytes. Without this the container would read up to 2 MB and then fail inside whichever code
 * asked for a parameter first.</li>
 * </ul>
 */
public class RequestLimitsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");
    /** The client API's methods (ApiAddresses): Mastodon's DELETE, PUT and PATCH, and OPTIONS for CORS. */
    private static final Set<String> API_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean api = ApiAddresses.isApi(request);
        if (!(api ? API_METHODS : METHODS).contains(request.getMethod())) {
            response.setHeader("Allow", api ? "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" : "GET, HEAD, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        } else if (Set.of("POST", "PUT", "PATCH").contains(request.getMethod()) && request.getContentLengthLong() < 0) {
            response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
        } else if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        } else {
            chain.doFilter(request, response);
        }
    }
}
