package org.microblog.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The client API's root, {@code /api}. Its classes are listed, not scanned: the OAuth endpoints are applications of
 * their own ({@link OAuthEndpoints}, {@link WellKnown}), and a scanning application would take their resources too.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Microblog client API",
                        version = "4.0.0",
                        description = "The part of Mastodon's client API that Microblog serves, so that Mastodon apps "
                                + "work with it unchanged. Authenticate with an OAuth 2 access token (Bearer)."),
        components =
                @Components(
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = MastodonApi.OAUTH,
                                        type = SecuritySchemeType.OAUTH2,
                                        description = "Tokens from the consent page (PKCE S256) or for the app itself",
                                        flows =
                                                @OAuthFlows(
                                                        authorizationCode =
                                                                @OAuthFlow(
                                                                        authorizationUrl = "/oauth/authorize",
                                                                        tokenUrl = "/oauth/token",
                                                                        scopes = {
                                                                            @OAuthScope(
                                                                                    name = "read",
                                                                                    description = "Read everything"),
                                                                            @OAuthScope(
                                                                                    name = "write",
                                                                                    description =
                                                                                            "Post, delete, change the profile"),
                                                                            @OAuthScope(
                                                                                    name = "follow",
                                                                                    description = "Follow, block, mute")
                                                                        }),
                                                        clientCredentials =
                                                                @OAuthFlow(
                                                                        tokenUrl = "/oauth/token",
                                                                        scopes =
                                                                                @OAuthScope(
                                                                                        name = "read",
                                                                                        description =
                                                                                                "Read public data"))))))
public class MastodonApi extends Application {

    static final String OAUTH = "oauth2";

    /** What every one of the three applications uses. */
    static final Set<Class<?>> PROVIDERS = Set.of(
            JsonConfig.class,
            ApiExceptions.class,
            InvalidValues.class,
            Cors.class,
            BearerTokens.class,
            RateLimits.class);

    @Override
    public Set<Class<?>> getClasses() {
        return union(
                PROVIDERS,
                Set.of(
                        InstanceResource.class,
                        AppsResource.class,
                        AccountsResource.class,
                        StatusesResource.class,
                        TimelinesResource.class,
                        PreferencesResource.class,
                        BlocksResource.class,
                        MutesResource.class,
                        NotificationsResource.class,
                        MarkersResource.class,
                        SuggestionsResource.class,
                        SearchResource.class,
                        MissingFeaturesResource.class,
                        EmptyListsResource.class));
    }

    static Set<Class<?>> union(Set<Class<?>> providers, Set<Class<?>> resources) {
        var all = new HashSet<Class<?>>(providers);
        all.addAll(resources);
        return all;
    }

    /** {@code /oauth}: the token and revocation endpoints, and the way to the consent page. */
    @ApplicationPath("oauth")
    public static class OAuthEndpoints extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return union(PROVIDERS, Set.of(OAuthResource.class));
        }
    }

    /** {@code /.well-known}: the authorization server's metadata (RFC 8414). */
    @ApplicationPath(".well-known")
    public static class WellKnown extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return union(PROVIDERS, Set.of(AuthorizationServerMetadata.class));
        }
    }
}
