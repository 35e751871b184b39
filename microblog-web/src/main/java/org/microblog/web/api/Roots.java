package org.microblog.web.api;

import jakarta.ws.rs.core.UriInfo;

/**
 * The application's address as the client used it, ending in "/": the base of a Jakarta REST application ({@code
 * .../api/}, {@code .../oauth/}, {@code .../.well-known/}) without its last segment.
 */
final class Roots {

    private Roots() {}

    static String of(UriInfo uri) {
        return uri.getBaseUri().resolve("..").toString();
    }
}
