package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;

/** The client API describes itself at /openapi (MicroProfile OpenAPI), as its JSON really is. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiDescriptionIT {

    @ArquillianResource
    URL base;

    @Test
    void theOpenApiDocumentNamesTheEndpointsTheOAuthFlowsAndTheFieldsAsTheJsonHasThem() {
        Page page = new WebClient(base).get("/openapi", "Accept", "application/json");
        assertEquals(200, page.status(), page::body);
        JsonObject document = ApiApp.object(page);
        assertEquals("Microblog client API", document.getJsonObject("info").getString("title"));

        List<String> paths = List.copyOf(document.getJsonObject("paths").keySet());
        for (String endpoint : List.of(
                "/api/v1/instance",
                "/api/v1/apps",
                "/api/v1/accounts/verify_credentials",
                "/api/v1/accounts/{id}/follow",
                "/api/v1/statuses",
                "/api/v1/statuses/{id}",
                "/api/v1/timelines/home",
                "/api/v1/notifications",
                "/api/v1/markers",
                "/api/v1/mutes",
                "/oauth/token",
                "/.well-known/oauth-authorization-server")) {
            assertTrue(paths.stream().anyMatch(path -> path.endsWith(endpoint)), endpoint + " in " + paths);
        }

        JsonObject flows = document.getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("oauth2")
                .getJsonObject("flows");
        assertTrue(flows.getJsonObject("authorizationCode")
                .getString("authorizationUrl")
                .endsWith("/oauth/authorize"));
        assertTrue(
                flows.getJsonObject("authorizationCode").getJsonObject("scopes").containsKey("follow"));

        JsonObject account = document.getJsonObject("components")
                .getJsonObject("schemas")
                .getJsonObject("Account")
                .getJsonObject("properties");
        assertTrue(account.containsKey("avatar_static") && account.containsKey("statuses_count"), account::toString);
        assertFalse(account.keySet().stream().anyMatch(name -> !name.equals(name.toLowerCase())), account::toString);
    }
}
