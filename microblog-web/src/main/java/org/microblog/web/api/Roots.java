package org.microblog.web.api;

import jakarta.ws.rs.core.UriInfo;

/** The application's address as the client used it, ending in "/": the API's base ({@code .../api/}) without "api/". */
final class Roots {

    private Roots() {}

    static String of(UriInfo uri) {
        return uri.getBaseUri().resolve("..").toString();
    }
}
