package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.microblog.it.web.WebClient.Page;

/**
 * An app registered with the client API, as the tests that call the API use one: it gets a person's token through
 * the consent page (with PKCE) and calls endpoints with it, checking on every answer that the API set no cookie.
 */
public record ApiApp(URL base, String clientId, String clientSecret) {

    public static final String CALLBACK = "https://app.example/callback";
    private static final String VERIFIER = "a-verifier-of-at-least-43-characters-0123456789abcdef";

    /** A new app that may ask for {@code scopes}. */
    public static ApiApp register(URL base, String scopes) {
        Page page = new WebClient(base)
                .send(
                        "POST",
                        "api/v1/apps",
                        HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                .add("client_name", "Test app " + Names.unique("a"))
                                .add("redirect_uris", CALLBACK)
                                .add("scopes", scopes)
                                .build()
                                .toString()),
                        "Content-Type",
                        "application/json");
        assertEquals(200, page.status(), page::body);
        JsonObject app = object(page);
        return new ApiApp(base, app.getString("client_id"), app.getString("client_secret"));
    }

    /** A token for the person signed in on {@code browser}, who allows {@code scopes} on the consent page. */
    public String token(WebClient browser, String scopes) {
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("client_id", clientId);
        asked.put("redirect_uri", CALLBACK);
        asked.put("response_type", "code");
        asked.put("scope", scopes);
        asked.put("code_challenge", s256(VERIFIER));
        asked.put("code_challenge_method", "S256");
        Page consent = browser.get("authorize?" + query(asked));
        Page answer = browser.submit(consent, "authorize", "allow", Map.of());
        String location = answer.header("Location").orElseThrow(() -> new AssertionError(answer.body()));
        assertTrue(location.startsWith(CALLBACK + "?"), location);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", parameters(location).get("code"));
        fields.put("redirect_uri", CALLBACK);
        fields.put("code_verifier", VERIFIER);
        fields.put("client_id", clientId);
        fields.put("client_secret", clientSecret);
        WebClient app = new WebClient(base);
        Page token = app.post(app.uri("oauth/token"), fields);
        assertEquals(200, token.status(), token::body);
        return object(token).getString("access_token");
    }

    /** {@code method path} with the token, and a JSON body unless {@code json} is null. */
    public Page call(String bearer, String method, String path, String json) {
        WebClient app = new WebClient(base);
        Page page = json == null
                ? app.send(method, path, HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + bearer)
                : app.send(
                        method,
                        path,
                        HttpRequest.BodyPublishers.ofString(json),
                        "Authorization",
                        "Bearer " + bearer,
                        "Content-Type",
                        "application/json");
        assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), () -> "a cookie: " + page.headers());
        return page;
    }

    /** {@code GET path} with the token, which must answer 200 with JSON. */
    public JsonStructure get(String bearer, String path) {
        Page page = call(bearer, "GET", path, null);
        assertEquals(200, page.status(), () -> path + ": " + page.body());
        return json(page);
    }

    public static JsonStructure json(Page page) {
        try (var reader = Json.createReader(new StringReader(page.body()))) {
            return reader.read();
        }
    }

    public static JsonObject object(Page page) {
        return json(page).asJsonObject();
    }

    private static Map<String, String> parameters(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0],
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
