package org.microblog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from, as the throttles count it. That is the peer of the connection, unless the
 * peer is one of the balancers named in {@code microblog.proxy.trusted-addresses}: then it is the last address
 * in {@code X-Forwarded-For}, the one that balancer appended. Earlier entries are whatever the client sent and
 * are never believed; a client that reaches an instance directly is counted by its own address.
 */
@ApplicationScoped
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    @ConfigProperty(name = "microblog.proxy.trusted-addresses")
    Optional<List<String>> trustedProxies;

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded == null || !trustedProxies.orElse(List.of()).contains(peer)) {
            return peer;
        }
        String appended = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return appended.isEmpty() ? peer : appended;
    }
}
