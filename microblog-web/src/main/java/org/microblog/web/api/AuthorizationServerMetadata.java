package org.microblog.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /.well-known/oauth-authorization-server} (RFC 8414): where an app finds the OAuth endpoints. */
@Tag(name = "oauth", description = "The OAuth 2 authorization server")
@Path("oauth-authorization-server")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorizationServerMetadata {

    @GET
    public Map<String, Object> metadata(@Context UriInfo uri) {
        String root = Roots.of(uri);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", root);
        metadata.put("authorization_endpoint", root + "oauth/authorize");
        metadata.put("token_endpoint", root + "oauth/token");
        metadata.put("revocation_endpoint", root + "oauth/revoke");
        metadata.put("app_registration_endpoint", root + "api/v1/apps");
        metadata.put("scopes_supported", List.of("read", "write", "follow", "push"));
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return metadata;
    }
}
