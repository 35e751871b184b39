package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;

/**
 * Every endpoint of the client API, found in its own description (/openapi) rather than listed here, so that a new
 * one is covered too, called from the attacker's side: with a token that does not exist, with none, and with a
 * person's token that may only read. The answer is always JSON and never sets a cookie; a made-up token is a 401
 * everywhere; no endpoint that changes something does it for a token that may only read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiEveryEndpointIT {

    /** What an app calls before it has a person's token: registering, the token and revocation endpoints. */
    private static final Set<String> WITHOUT_TOKEN =
            Set.of("POST /api/v1/apps", "POST /oauth/token", "POST /oauth/revoke");

    /** The one address of a browser, not an app: it sends the person on to the consent page. */
    private static final String CONSENT = "GET /oauth/authorize";

    @ArquillianResource
    URL base;

    @Test
    void everyEndpointAnswersJsonRefusesAMadeUpTokenAndWritesNothingForAReader() {
        ApiApp app = ApiApp.register(base, "read write follow");
        WebClient browser = new WebClient(base);
        browser.register(Names.unique("reader"));
        String reader = app.token(browser, "read");
        String me = app.get(reader, "api/v1/accounts/verify_credentials")
                .asJsonObject()
                .getString("id");

        JsonObject paths = ApiApp.object(new WebClient(base).get("/openapi", "Accept", "application/json"))
                .getJsonObject("paths");
        // each operation with its path filled in: a path parameter with a pattern (a choice of words) takes its first
        // word, any other (an id) the reader's own account id
        List<String> operations = new ArrayList<>();
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                String filled = path;
                for (JsonObject parameter : paths.getJsonObject(path)
                        .getJsonObject(method)
                        .getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY)
                        .asJsonArray()
                        .getValuesAs(JsonObject.class)) {
                    if (parameter.getString("in").equals("path")) {
                        JsonObject schema = parameter.getJsonObject("schema");
                        String value = schema != null && schema.containsKey("pattern")
                                ? schema.getString("pattern").split("\\|")[0]
                                : me;
                        filled = filled.replaceAll("\\{" + parameter.getString("name") + "(:[^}]*)?}", value);
                    }
                }
                // a template the method does not declare: its own pattern's first word, or an id
                filled = filled.replaceAll("\\{[^}:]+: *([^|}]+)[^}]*}", "$1").replaceAll("\\{[^}]+}", me);
                operations.add(method.toUpperCase(Locale.ROOT) + " " + filled);
            }
        }
        assertTrue(operations.size() > 40, "the document lists the API: " + operations);

        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String documented = operation.substring(operation.indexOf(' ') + 1);
            String path = documented.startsWith(base.getPath())
                    ? documented.substring(base.getPath().length())
                    : documented.substring(1);
            if (path.startsWith(".well-known") || method.equals("OPTIONS") || method.equals("HEAD")) {
                continue; // the metadata document is public; preflights and HEADs have no body
            }
            String call = method + " /" + path;

            Page madeUp = send(method, path, "Bearer not-a-token-" + Names.unique("t"));
            if (!WITHOUT_TOKEN.contains(call)) {
                assertEquals(401, madeUp.status(), () -> call + " with a made-up token: " + madeUp.body());
            }
            assertJson(call + " with a made-up token", madeUp);

            Page anonymous = send(method, path, null);
            if (call.equals(CONSENT)) {
                assertEquals(303, anonymous.status(), "a browser goes on to the consent page");
                continue;
            }
            assertJson(call + " without a token", anonymous);
            assertTrue(anonymous.status() < 500, () -> call + " without a token: " + anonymous.body());

            if (!method.equals("GET")
                    && !WITHOUT_TOKEN.contains(call)
                    && !call.startsWith("DELETE /api/v1/suggestions")) {
                Page written = send(method, path, "Bearer " + reader);
                assertJson(call + " with a reader's token", written);
                assertTrue(
                        written.status() == 403 || written.status() == 404 || written.status() == 405,
                        () -> call + " with a token that may only read: " + written.status() + " " + written.body());
            }
        }
    }

    private Page send(String method, String path, String authorization) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
        if (authorization != null) {
            headers.addAll(List.of("Authorization", authorization));
        }
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        return new WebClient(base).send(method, path, body, headers.toArray(String[]::new));
    }

    private static void assertJson(String what, Page page) {
        assertTrue(
                page.header("Content-Type").orElse("").startsWith("application/json"),
                () -> what + ": " + page.headers() + " " + page.body());
        ApiApp.json(page);
        assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), () -> what + " set a cookie: " + page.headers());
    }
}
