package org.microblog.web.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The addresses of the client API and the OAuth endpoints: answered in JSON, authenticated by Bearer token only, and
 * never by a cookie. The page tier's filters ask here to leave them to Jakarta REST (cross-site write protection,
 * remember-me, HTML error pages), since a request that carries no cookie cannot be forged by another site.
 */
public final class ApiAddresses {

    private ApiAddresses() {}

    public static boolean isApi(HttpServletRequest request) {
        return isApi(request.getRequestURI(), request.getContextPath());
    }

    /** Whether {@code uri} (a request's, context path included) is one of the API's. */
    public static boolean isApi(String uri, String contextPath) {
        String path = uri.substring(Math.min(contextPath.length(), uri.length()));
        return path.startsWith("/api/") || path.startsWith("/oauth/") || path.startsWith("/.well-known/");
    }
}
