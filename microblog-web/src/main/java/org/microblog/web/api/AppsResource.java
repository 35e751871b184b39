package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.domain.oauth.OAuthApp;
import org.microblog.service.oauth.AppService;
import org.microblog.service.oauth.NewSecret;
import org.microblog.web.api.entity.Application;

/** Apps: registering one (anyone may), and an app checking its own token. */
@Tag(name = "apps", description = "Registering an app (an OAuth 2 client)")
@Path("v1/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppsResource {

    @Inject
    AppService apps;

    @Inject
    ApiCaller caller;

    /** Registration as a form: {@code redirect_uris} holds one address or several separated by white space. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Application register(
            @FormParam("client_name") String name,
            @FormParam("redirect_uris") String redirectUris,
            @FormParam("scopes") String scopes,
            @FormParam("website") String website) {
        return registered(apps.register(name, redirectUris, scopes, website));
    }

    /** Registration as JSON (masto.js sends this): {@code redirect_uris} is a string or an array of strings. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Application register(JsonObject body) {
        JsonValue uris = body.getOrDefault("redirect_uris", JsonValue.NULL);
        String redirectUris =
                switch (uris.getValueType()) {
                    case STRING -> ((JsonString) uris).getString();
                    case ARRAY ->
                        ((JsonArray) uris)
                                .stream()
                                        .filter(JsonString.class::isInstance)
                                        .map(uri -> ((JsonString) uri).getString())
                                        .collect(Collectors.joining(" "));
                    default -> null;
                };
        return registered(
                apps.register(text(body, "client_name"), redirectUris, text(body, "scopes"), text(body, "website")));
    }

    /** The app the token belongs to, whatever the token's scopes. */
    @GET
    @Path("verify_credentials")
    public Application verifyCredentials() {
        OAuthApp app = caller.token()
                .orElseThrow(() -> new ApiRefusal(401, ApiCaller.NO_TOKEN))
                .getApp();
        return of(app, Optional.empty());
    }

    private static Application registered(NewSecret<OAuthApp> app) {
        return of(app.record(), Optional.of(app.secret()));
    }

    private static Application of(OAuthApp app, Optional<String> secret) {
        return new Application(
                String.valueOf(app.getId()),
                app.getName(),
                app.getWebsite().orElse(null),
                app.getScopes().text(),
                String.join("\n", app.getRedirectUris()),
                app.getRedirectUris(),
                secret.map(s -> app.getClientId()).orElse(null),
                secret.orElse(null),
                "");
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.getOrDefault(name, JsonValue.NULL);
        return value instanceof JsonString string ? string.getString() : null;
    }
}
