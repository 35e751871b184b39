package org.microblog.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * The client API's root, {@code /api}. Its classes are listed, not scanned: the OAuth endpoints are applications of
 * their own ({@link OAuthEndpoints}, {@link WellKnown}), and a scanning application would take their resources too.
 */
@ApplicationPath("api")
public class MastodonApi extends Application {

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
