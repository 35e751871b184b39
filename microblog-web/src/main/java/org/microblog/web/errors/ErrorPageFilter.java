package org.microblog.web.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.microblog.web.api.ApiAddresses;

/**
 * Error pages render as a plain GET, whatever request failed. A failed form POST (or AJAX request) carries
 * the form's fields, ViewState and AJAX headers into the error dispatch; without this filter Faces would
 * take the error page for a postback of that form (and PrimeFaces would check its script nonce), so the
 * error page itself would fail.
 *
 * <p>A refusal of a client API address (ApiAddresses) by a filter or the container (a method not allowed, a body
 * too large, a request from another site, the database away) is JSON instead, as Mastodon answers: {@code
 * {"error": "..."}} with the same status. Apps parse every answer as JSON.
 */
public class ErrorPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** What each status says to an app; Mastodon's own words where it has them. */
    private static final Map<Integer, String> API_ERRORS = Map.of(
            400, "Bad request",
            403, "This action is not allowed",
            404, "Record not found",
            405, "Method not allowed",
            411, "Length required",
            413, "Request too large",
            429, "Too many requests",
            500, "Internal server error",
            503, "Service unavailable");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failed instanceof String uri && ApiAddresses.isApi(uri, request.getContextPath())) {
            int status = response.getStatus();
            byte[] json = ("{\"error\":\"" + API_ERRORS.getOrDefault(status, "HTTP " + status) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/json;charset=UTF-8");
            response.setContentLength(json.length);
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.getOutputStream().write(json);
            response.flushBuffer();
            return;
        }
        chain.doFilter(new WithoutParameters(request), response);
    }

    /** The request as a plain GET: no parameters, no AJAX headers. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getHeader(String name) {
            return isAjaxHeader(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isAjaxHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        private static boolean isAjaxHeader(String name) {
            return "Faces-Request".equalsIgnoreCase(name) || "X-Requested-With".equalsIgnoreCase(name);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
