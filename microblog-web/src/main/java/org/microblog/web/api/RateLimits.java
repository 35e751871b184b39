package org.microblog.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.cache.Cache;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.microblog.web.api.entity.Entities;
import org.microblog.web.security.ClientAddress;

/**
 * Mastodon's rate limits: {@code microblog.api.rate-limit.requests} (300) requests per
 * {@code microblog.api.rate-limit.window-seconds} (300) per access token, and as many per address for calls without
 * one; registering an app and asking for a token, {@code microblog.api.rate-limit.registrations} (30) per address in
 * the same window. Every answer says where its caller stands ({@code X-RateLimit-Limit}, {@code -Remaining},
 * {@code -Reset}); the request over the limit is a 429. The counts are in the data grid (GridCaches): a cluster's
 * instances count together. The windows are fixed, as Mastodon's are: a count starts again at each reset.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RateLimits implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STANDING = RateLimits.class.getName();

    @Inject
    GridCaches grid;

    @Inject
    ApiCaller caller;

    @Inject
    ClientAddress addresses;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    @ConfigProperty(name = "microblog.api.rate-limit.requests", defaultValue = "300")
    int requests;

    @Inject
    @ConfigProperty(name = "microblog.api.rate-limit.registrations", defaultValue = "30")
    int registrations;

    @Inject
    @ConfigProperty(name = "microblog.api.rate-limit.window-seconds", defaultValue = "300")
    long windowSeconds;

    Clock clock = Clock.systemUTC();

    private Cache<String, Long> counts;

    /** Where a caller stands in the current window. */
    record Standing(int limit, long count, Instant reset) {
        long remaining() {
            return Math.max(0, limit - count);
        }
    }

    @PostConstruct
    void openCounts() {
        // a count lives a window and a little more: its key names its window, so a late expiry changes nothing
        counts = grid.expiringAfter("microblog-api-rate-limits", Duration.ofSeconds(windowSeconds + 5));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod())) {
            return; // a browser's preflight is not a call
        }
        String path = request.getUriInfo().getAbsolutePath().getPath();
        boolean registration =
                "POST".equals(request.getMethod()) && (path.endsWith("/api/v1/apps") || path.endsWith("/oauth/token"));
        // the client's address only when it is the key: reading it parses X-Forwarded-For
        String bucket = registration
                ? "registration:" + addresses.of(servletRequest)
                : caller.token()
                        .map(token -> "token:" + token.getId())
                        .orElseGet(() -> "address:" + addresses.of(servletRequest));
        long window = clock.instant().getEpochSecond() / windowSeconds;
        Standing standing = new Standing(
                registration ? registrations : requests,
                GridCaches.increment(counts, bucket + ":" + window),
                Instant.ofEpochSecond((window + 1) * windowSeconds));
        request.setProperty(STANDING, standing);
        if (standing.count() > standing.limit()) {
            request.abortWith(ApiExceptions.error(429, "Too many requests"));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STANDING) instanceof Standing standing) {
            response.getHeaders().putSingle("X-RateLimit-Limit", standing.limit());
            response.getHeaders().putSingle("X-RateLimit-Remaining", standing.remaining());
            response.getHeaders().putSingle("X-RateLimit-Reset", Entities.time(standing.reset()));
        }
    }
}
