package org.microblog.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.microblog.service.oauth.TokenService;

/**
 * Reads the {@code Authorization: Bearer} header of every API request into {@link ApiCaller}. A token that does not
 * stand (unknown, revoked, of a person whose credentials changed) is a 401 at once, as Mastodon answers, even on an
 * endpoint that needs none: an app must learn that its token is gone.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokens implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    TokenService tokens;

    @Inject
    ApiCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return;
        }
        tokens.bearer(header.substring(BEARER.length()).strip())
                .ifPresentOrElse(
                        caller::authenticated, () -> request.abortWith(ApiExceptions.error(401, ApiCaller.NO_TOKEN)));
    }
}
