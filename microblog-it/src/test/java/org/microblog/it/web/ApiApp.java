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
public record ApiApp(URL base, String name, String clientId, String clientSecret, String redirectUri) {

    public static final String CALLBACK = "https://app.example/callback";
    /** The PKCE verifier of every authorization this app asks for (its S256 challenge goes to the consent page). */
    public static final String VERIFIER = "a-verifier-of-at-least-43-characters-0123456789abcdef";

    /** A new app that may ask for {@code scopes}, sending people back to {@link #CALLBACK}. */
    public static ApiApp register(URL base, String scopes) {
        return register(base, scopes, CALLBACK);
    }

    /** A new app that may ask for {@code scopes}, sending people back to {@code redirectUri}. */
    public static ApiApp register(URL base, String scopes, String redirectUri) {
        Page page = new WebClient(base)
                .send(
                        "POST",
                        "api/v1/apps",
                        HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                .add("client_name", "Test app " + Names.unique("a"))
                                .add("redirect_uris", redirectUri)
                                .add("scopes", scopes)
                                .build()
                                .toString()),
                        "Content-Type",
                        "application/json");
        assertEquals(200, page.status(), page::body);
        JsonObject app = object(page);
        return new ApiApp(
                base, app.getString("name"), app.getString("client_id"), app.getString("client_secret"), redirectUri);
    }

    /** The same app, called at another address (another instance of a cluster). */
    public ApiApp at(URL other) {
        return new ApiApp(other, name, clientId, clientSecret, redirectUri);
    }

    /** The query of {@code /oauth/authorize} asking for {@code scopes}, with {@code state} and the PKCE challenge. */
    public String authorization(String scopes, String state) {
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("client_id", clientId);
        asked.put("redirect_uri", redirectUri);
        asked.put("response_type", "code");
        asked.put("scope", scopes);
        asked.put("state", state);
        asked.put("code_challenge", s256(VERIFIER));
        asked.put("code_challenge_method", "S256");
        return query(asked);
    }

    /** The parameters as a URL's query, each value encoded. */
    public static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A token for the person signed in on {@code browser}, who allows {@code scopes} on the consent page. */
    public String token(WebClient browser, String scopes) {
        return exchange(code(browser, scopes)).getString("access_token");
    }

    /** The code the consent page gives when the person signed in on {@code browser} allows {@code scopes}. */
    public String code(WebClient browser, String scopes) {
        Page consent = browser.follow(browser.get("oauth/authorize?" + authorization(scopes, "http")));
        assertEquals(200, consent.status(), consent::body);
        Page answer = browser.submit(consent, "authorize", "allow", Map.of());
        String location = answer.header("Location").orElseThrow(() -> new AssertionError(answer.body()));
        return back(location).get("code");
    }

    /** The token answer for {@code code}, sent with the verifier and the app's secret. */
    public JsonObject exchange(String code) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirectUri);
        fields.put("code_verifier", VERIFIER);
        fields.put("client_id", clientId);
        fields.put("client_secret", clientSecret);
        WebClient app = new WebClient(base);
        Page token = app.post(app.uri("oauth/token"), fields);
        assertEquals(200, token.status(), token::body);
        return object(token);
    }

    /** The parameters of the address the consent page sent the person back to, which must be the app's. */
    public Map<String, String> back(String location) {
        return parameters(location, redirectUri);
    }

    /** The query parameters of {@code location}, which must start with {@code expectedStart} and a "?". */
    public static Map<String, String> parameters(String location, String expectedStart) {
        assertTrue(location.startsWith(expectedStart + "?"), location);
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0],
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    /** {@code method path} with the token, and a JSON body unless {@code json} is null. */
    public Page call(String bearer, String method, String path, String json) {
        return call(base, bearer, method, path, json);
    }

    /** {@code method path} at {@code base} with the token, and a JSON body unless {@code json} is null. */
    public static Page call(URL base, String bearer, String method, String path, String json) {
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

    /** The PKCE S256 challenge of {@code verifier}. */
    public static String s256(String verifier) {
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
