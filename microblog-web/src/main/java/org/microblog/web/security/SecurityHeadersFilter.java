package org.microblog.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.microblog.web.avatar.Avatars;
import org.omnifaces.util.Servlets;

/**
 * Security headers on every response, pages, resources and error pages alike.
 *
 * <p>Faces pages also get PrimeFaces' Content-Security-Policy with a fresh script nonce (see
 * {@code primefaces.CSP_POLICY} in web.xml). The policy set here is the part that holds for every
 * response, including those Faces does not render: no framing, no plugins, no foreign base URL or form
 * target, and images from this site only ({@code img-src 'self'}: avatars are generated here), or also from
 * Gravatar when {@code microblog.avatars=gravatar} ({@link Avatars#imageSources()}). A browser enforces both
 * policies, so an image must pass both: PrimeFaces' policy (web.xml) lists Gravatar's hosts, and this one
 * decides whether they are allowed.
 *
 * <p>A page answered to a signed-in user is never stored ({@code Cache-Control: no-store}): not by a shared
 * cache, not by the browser for its back button after signing out. Faces resources keep their own long
 * caching. (OmniFaces' CacheControlFilter would also do this, but it sets a cookie on every answer, and a
 * visitor must get none.)
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    @Inject
    transient Avatars avatars;

    private String policy;

    @Override
    public void init() {
        policy = POLICY + "; img-src " + avatars.imageSources();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.getUserPrincipal() != null && !Servlets.isFacesResourceRequest(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
