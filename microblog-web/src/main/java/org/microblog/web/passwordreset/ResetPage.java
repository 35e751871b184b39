package org.microblog.web.passwordreset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the reset page that a reset e-mail links to. It comes from {@code microblog.site.url}
 * ({@code https://microblog.example/}), since a request's Host header is the sender's to choose: taken from the
 * request, someone asking for a link to another person's address could have it point at their own site and collect
 * the token. Without that setting only a site reached on this machine (localhost, a loopback address), as
 * {@code ./microblog run} serves it, uses the request's own address; any other gets no mail, and the log says why.
 */
@ApplicationScoped
public class ResetPage {

    static final String PATH = "reset-password";
    private static final Logger LOG = Logger.getLogger(ResetPage.class.getName());

    @Inject
    @ConfigProperty(name = "microblog.site.url")
    Optional<String> siteUrl;

    /** The page's absolute address for a person who asked through {@code request}, or empty when unknown. */
    public Optional<URI> address(HttpServletRequest request) {
        Optional<String> configured = siteUrl.filter(url -> !url.isBlank());
        if (configured.isPresent()) {
            String base = configured.get();
            return Optional.of(
                    URI.create(base.endsWith("/") ? base : base + "/").resolve(PATH));
        }
        if (isLoopback(request.getServerName())) {
            return Optional.of(URI.create(request.getScheme() + "://" + request.getServerName() + ":"
                    + request.getServerPort() + request.getContextPath() + "/" + PATH));
        }
        LOG.warning(() -> "A password reset link was asked for on " + request.getServerName()
                + ", but microblog.site.url is not set: no mail sent. Set it to the site's public address.");
        return Optional.empty();
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            // only literal addresses: a name is never looked up here
            return host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")
                    && InetAddress.getByName(host.replace("[", "").replace("]", ""))
                            .isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
