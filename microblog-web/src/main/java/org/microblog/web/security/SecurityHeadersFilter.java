package org.microblog.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.omnifaces.util.Servlets;

/**
 * Security headers on every response, pages, resources, avatars and error pages alike.
 *
 * <p>One Content-Security-Policy ({@link ContentSecurityPolicy}): this filter sets it, and passes on a response
 * whose later Content-Security-Policy replaces this one instead of adding a second. That later one is
 * PrimeFaces', on every Faces response (web.xml: {@code primefaces.CSP=true}, and {@code primefaces.CSP_POLICY}
 * is the same policy): the same directives with the page's script nonce appended. PrimeFaces must be the one
 * that writes the nonce into the header: it makes the nonce when it starts to render and hands it to its script
 * ({@code PrimeFaces.csp.init}), which puts it into every form and every script an AJAX update brings. Its
 * "policy provided by the application" mode ({@code primefaces.CSP=policyProvided}) skips exactly that, header
 * and script alike, so the nonce would reach neither the header nor the forms.
 *
 * <p>A page answered to a signed-in user is never stored ({@code Cache-Control: no-store}): not by a shared
 * cache, not by the browser for its back button after signing out. Faces resources keep their own long
 * caching. (OmniFaces' CacheControlFilter would also do this, but it sets a cookie on every answer, and a
 * visitor must get none.)
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CSP = "Content-Security-Policy";

    @Inject
    transient ContentSecurityPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        secure(response, policy.getPolicy());
        if (request.getUserPrincipal() != null && !Servlets.isFacesResourceRequest(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new OnePolicy(response, policy.getPolicy()));
    }

    private static void secure(HttpServletResponse response, String policy) {
        response.setHeader(CSP, policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    /**
     * A response on which a Content-Security-Policy replaces the one before it, and that keeps the security
     * headers when it is reset (an exception handler that renders an error page in place starts over).
     */
    private static final class OnePolicy extends HttpServletResponseWrapper {

        private final String policy;

        OnePolicy(HttpServletResponse response, String policy) {
            super(response);
            this.policy = policy;
        }

        @Override
        public void reset() {
            super.reset();
            secure(this, policy);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
