package org.microblog.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from, as the throttles count it. That is the peer of the connection, unless the
 * peer is one of the balancers named in {@code microblog.proxy.trusted-addresses}: then it is the last address
 * in {@code X-Forwarded-For}, the one that balancer appended. Earlier entries are whatever the client sent and
 * are never believed; a client that reaches an instance directly is counted by its own address.
 *
 * <p>Addresses are compared in one spelling: Payara reports a peer on its dual-stack socket as
 * {@code ::ffff:127.0.0.1} where the balancer's configuration says {@code 127.0.0.1}.
 */
@ApplicationScoped
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /**
     * IPv4 as four numbers up to 255, or hex digits, dots and at least one colon (IPv6): what InetAddress parses
     * as a literal or refuses, never looking up a name.
     */
    private static final Pattern LITERAL = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    /** Comma-separated. (Payara's MicroProfile Config cannot inject an {@code Optional<List<String>>}.) */
    @Inject
    @ConfigProperty(name = "microblog.proxy.trusted-addresses")
    Optional<String> trustedProxiesSetting;

    private Set<String> trustedProxies;

    @PostConstruct
    void readTrustedProxies() {
        trustedProxies = trustedProxiesSetting
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::strip)
                        .map(address -> canonical(address)
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "microblog.proxy.trusted-addresses: not an IP address: " + address)))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader(FORWARDED_FOR));
    }

    String of(String remoteAddress, String forwardedFor) {
        String peer = canonical(remoteAddress).orElse(remoteAddress);
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        return canonical(forwardedFor
                        .substring(forwardedFor.lastIndexOf(',') + 1)
                        .strip())
                .orElse(peer);
    }

    /** The address in one spelling ({@code ::ffff:10.0.0.1} is {@code 10.0.0.1}); empty if it is no IP literal. */
    static Optional<String> canonical(String address) {
        if (!LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getHostAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
