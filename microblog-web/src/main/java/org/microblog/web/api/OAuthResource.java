package org.microblog.web.api;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.domain.oauth.AccessToken;
import org.microblog.domain.oauth.OAuthApp;
import org.microblog.domain.oauth.Scopes;
import org.microblog.service.oauth.AppService;
import org.microblog.service.oauth.NewSecret;
import org.microblog.service.oauth.TokenService;
import org.microblog.web.api.entity.Token;

/**
 * The OAuth 2 endpoints apps call (RFC 6749, 7009): the token endpoint, revocation, and {@code /oauth/authorize},
 * which sends the browser to the consent page ({@code /authorize}, a Faces page) with the query unchanged. A client
 * authenticates with its id and secret in the form or by HTTP Basic.
 */
@Tag(name = "oauth", description = "The OAuth 2 authorization server")
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthResource {

    static final String DERBY_CONTENTION = "40XL1";

    private static final int EXCHANGE_TRIES = 3;

    @Inject
    AppService apps;

    @Inject
    TokenService tokens;

    @GET
    @Path("authorize")
    public Response authorize(@Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return Response.seeOther(URI.create(Roots.of(uri) + "authorize" + (query == null ? "" : "?" + query)))
                .build();
    }

    /**
     * A token for a code (authorization_code, with the PKCE verifier when the app sent a challenge) or for the app
     * itself (client_credentials). The password grant is refused: a person types their password only into Microblog.
     * The fields come as a form or, as masto.js sends them, as JSON.
     */
    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(
            @Context HttpServletRequest form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return token(form::getParameter, authorization);
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response token(JsonObject body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return token(name -> text(body, name), authorization);
    }

    /** Ends one of the app's tokens; an unknown token is answered alike (RFC 7009). A form, or JSON. */
    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(
            @Context HttpServletRequest form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return revoke(form::getParameter, authorization);
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(JsonObject body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return revoke(name -> text(body, name), authorization);
    }

    /**
     * The token request whose fields {@code field} gives by name. (The form's fields are read from the servlet
     * request: the site's filters read the body's parameters before Jersey sees it; see StatusesResource.)
     */
    private Response token(UnaryOperator<String> field, String authorization) {
        String grantType = field.apply("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return error(400, "invalid_request", "grant_type is missing");
        }
        if (!grantType.equals("authorization_code") && !grantType.equals("client_credentials")) {
            return error(400, "unsupported_grant_type", "Microblog gives tokens for a code or to an app itself");
        }
        Optional<OAuthApp> client = client(field.apply("client_id"), field.apply("client_secret"), authorization);
        if (client.isEmpty()) {
            return error(401, "invalid_client", "Unknown client, or a wrong secret");
        }
        if (grantType.equals("client_credentials")) {
            Optional<Scopes> asked = Scopes.parse(field.apply("scope"));
            if (asked.isEmpty() || !client.get().getScopes().cover(asked.get())) {
                return error(400, "invalid_scope", "The app may not ask for these scopes");
            }
            return issued(tokens.forApp(client.get(), asked.get()));
        }
        return exchange(client.get(), field.apply("code"), field.apply("redirect_uri"), field.apply("code_verifier"))
                .map(OAuthResource::issued)
                .orElseGet(() -> error(400, "invalid_grant", "The code is invalid, used, expired or not for this app"));
    }

    /**
     * The exchange, tried again (up to {@value #EXCHANGE_TRIES} times in all) when embedded Derby refused its new token
     * an id: Derby hands ids out in ranges, and when several transactions need the next range at the same instant all
     * but one are refused (SQLState {@value #DERBY_CONTENTION}). The refused transaction rolled back whole, the spent
     * code included, so a second try is the same request; six exchanges at once were seen refused twice in a row (a
     * clean-clone CI run, 2026-12-08). PostgreSQL never refuses so.
     */
    private Optional<NewSecret<AccessToken>> exchange(OAuthApp app, String code, String redirectUri, String verifier) {
        for (int tried = 1; ; tried++) {
            try {
                return tokens.exchange(app, code, redirectUri, verifier);
            } catch (EJBException refused) {
                if (tried == EXCHANGE_TRIES || !causedBy(refused, DERBY_CONTENTION)) {
                    throw refused;
                }
            }
        }
    }

    private static boolean causedBy(Throwable failure, String sqlState) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Response revoke(UnaryOperator<String> field, String authorization) {
        Optional<OAuthApp> client = client(field.apply("client_id"), field.apply("client_secret"), authorization);
        if (client.isEmpty()) {
            return error(401, "invalid_client", "Unknown client, or a wrong secret");
        }
        tokens.revoke(client.get(), field.apply("token"));
        return Response.ok(Map.of()).build();
    }

    /** A JSON field as text (a number as its digits), or null. */
    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }

    /** The client of the form's fields, or of an HTTP Basic header (id:secret, each form-encoded, RFC 6749 2.3.1). */
    private Optional<OAuthApp> client(String clientId, String clientSecret, String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon < 0) {
                    return Optional.empty();
                }
                return apps.authenticate(decode(pair.substring(0, colon)), decode(pair.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return apps.authenticate(clientId, clientSecret);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static Response issued(NewSecret<AccessToken> token) {
        return Response.ok(new Token(
                        token.secret(),
                        "Bearer",
                        token.record().getScopes().text(),
                        token.record().getCreatedAt().getEpochSecond()))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Response error(int status, String error, String description) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError(error, description));
        if (status == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"Microblog\"");
        }
        return response.build();
    }
}
