package org.microblog.web.errors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.primefaces.csp.CspException;

/**
 * Error pages render as a plain GET, whatever request failed. A failed form POST (or AJAX request) carries
 * the form's fields, ViewState and AJAX headers into the error dispatch; without this filter Faces would
 * take the error page for a postback of that form (and PrimeFaces would check its script nonce), so the
 * error page itself would fail. A forged request (see isForged) gets 400 instead of 500.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.ERROR)
public class ErrorPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isForged(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        chain.doFilter(new WithoutParameters(request), response);
    }

    /**
     * A request no page of ours sends: a POST without the page's script nonce (PrimeFaces refuses it), or a form
     * without one of its fields, which the page therefore did not validate and the service refused
     * (Bean Validation on its parameters).
     */
    static boolean isForged(Object error) {
        return Causes.find(error, t -> t instanceof CspException || t instanceof ConstraintViolationException)
                .isPresent();
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
