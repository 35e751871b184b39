package org.microblog.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Any web page may call the API (web clients such as Elk and Phanpy run on their own origins): it authenticates by
 * Bearer token only, never by cookie, so another origin's page gains nothing a direct call would not give. Scripts
 * may read the Link header, which carries the next and previous pages, and the rate limit's headers.
 */
@Provider
public class Cors implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
        response.getHeaders()
                .putSingle(
                        "Access-Control-Expose-Headers",
                        "Link, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset");
        if ("OPTIONS".equals(request.getMethod())) {
            // a preflight: what the page's script may send next
            response.getHeaders().putSingle("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE");
            response.getHeaders()
                    .putSingle("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
            response.getHeaders().putSingle("Access-Control-Max-Age", "86400");
        }
    }
}
