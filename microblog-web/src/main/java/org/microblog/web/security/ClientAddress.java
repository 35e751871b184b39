package org.microblog.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from, as the throttles count it: the peer of the connection. Behind a
 * balancer every request would seem to come from the balancer; the balancer must then pass the client's
 * address in a way the server trusts (the cluster set-up's concern), never a header any client can set.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
