package org.microblog.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Optional;
import org.microblog.domain.oauth.AccessToken;
import org.microblog.service.oauth.TokenService;

/**
 * Who calls the API in this request: the access token of the {@code Authorization: Bearer} header (BearerTokens), or
 * nobody. Never a session or a cookie. An endpoint names the scope it needs, Mastodon's way ({@code read:statuses},
 * granted by {@code read} too); without a token it is a 401, with one that lacks the scope a 403.
 */
@RequestScoped
public class ApiCaller {

    static final String NO_TOKEN = "The access token is invalid";
    static final String OUT_OF_SCOPE = "This action is outside the authorized scopes";

    private Optional<AccessToken> token = Optional.empty();

    private long followingCount;

    void authenticated(TokenService.Bearer bearer) {
        this.token = Optional.of(bearer.token());
        this.followingCount = bearer.followingCount();
    }

    /** How many people the token's person follows, read with the token (0 without one): the home timeline's plan. */
    public long followingCount() {
        return followingCount;
    }

    /** The token, if it grants {@code scope}; a 401 or 403 otherwise. */
    public AccessToken token(String scope) {
        AccessToken found = token.orElseThrow(() -> new NotAuthorizedException(NO_TOKEN, "Bearer"));
        if (!found.getScopes().grant(scope)) {
            throw new ForbiddenException(OUT_OF_SCOPE);
        }
        return found;
    }

    /** The person the token acts for, if it grants {@code scope}; an app's own token acts for nobody (422). */
    public long userId(String scope) {
        return token(scope)
                .getUserId()
                .orElseThrow(() -> new ApiRefusal(422, "This method requires an authenticated user"));
    }

    /** The token, whatever its scopes. */
    public Optional<AccessToken> token() {
        return token;
    }
}
