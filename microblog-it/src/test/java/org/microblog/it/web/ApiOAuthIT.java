package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;

/**
 * The OAuth 2 server and the endpoints that act for a person, over plain HTTP as an app and a browser use them: an
 * app registers, a person authorizes it on the consent page, the app exchanges the code (with PKCE) for a token and
 * posts, reads and deletes with it; and every refusal of the flow, from the attacker's side.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiOAuthIT {

    private static final String CALLBACK = "https://app.example/callback";
    private static final String VERIFIER = "a-verifier-of-at-least-43-characters-0123456789abcdef";

    @ArquillianResource
    URL base;

    @Test
    void aPersonAuthorizesAnAppWhichThenPostsReadsAndDeletesAsThemUntilRevoked() {
        JsonObject app = registerApp(CALLBACK, "read write follow");
        String ann = Names.unique("ann");
        WebClient browser = new WebClient(base);
        browser.register(ann);

        Page start = browser.get("oauth/authorize?" + ApiApp.query(authorization(app, CALLBACK, "read write", "xyz")));
        assertEquals(303, start.status(), start::body);
        Page consent = browser.follow(start);
        assertEquals(200, consent.status(), consent::body);
        assertTrue(consent.body().contains(app.getString("name")), "names the app");
        assertTrue(consent.text("scopes").contains("read")
                && consent.text("scopes").contains("write"));
        assertTrue(
                consent.header("Content-Security-Policy").orElse("").contains("form-action 'self' " + CALLBACK + ";"),
                () -> consent.headers().toString());

        Page answer = browser.submit(consent, "authorize", "allow", Map.of());
        assertEquals(302, answer.status(), answer::body);
        Map<String, String> back = ApiApp.parameters(answer.header("Location").orElseThrow(), CALLBACK);
        assertEquals("xyz", back.get("state"));

        JsonObject token = exchange(app, back.get("code"), CALLBACK, VERIFIER);
        assertEquals("Bearer", token.getString("token_type"));
        assertEquals("read write", token.getString("scope"));
        String bearer = token.getString("access_token");

        JsonObject me = json(call(bearer, "GET", "api/v1/accounts/verify_credentials", null));
        assertEquals(ann, me.getString("username"));
        assertEquals("public", me.getJsonObject("source").getString("privacy"));
        assertEquals(
                app.getString("name"),
                json(call(bearer, "GET", "api/v1/apps/verify_credentials", null))
                        .getString("name"));

        Page posted = call(bearer, "POST", "api/v1/statuses", "{\"status\":\"from an app <b>\\nbold?</b>\"}");
        assertEquals(200, posted.status(), posted::body);
        JsonObject status = json(posted);
        assertEquals("<p>from an app &lt;b&gt;<br>bold?&lt;/b&gt;</p>", status.getString("content"));
        Page home = call(bearer, "GET", "api/v1/timelines/home", null);
        assertTrue(home.body().contains("\"id\":\"" + status.getString("id") + "\""), home::body);
        assertTrue(browser.get("user/" + ann).body().contains("from an app"), "the same post on the page");

        Page deleted = call(bearer, "DELETE", "api/v1/statuses/" + status.getString("id"), null);
        assertEquals(200, deleted.status(), deleted::body);
        assertEquals("from an app <b>\nbold?</b>", json(deleted).getString("text"));
        assertEquals(
                404,
                call(bearer, "GET", "api/v1/statuses/" + status.getString("id"), null)
                        .status());

        Page revoked = form(
                "oauth/revoke",
                Map.of(
                        "token",
                        bearer,
                        "client_id",
                        app.getString("client_id"),
                        "client_secret",
                        app.getString("client_secret")));
        assertEquals(200, revoked.status(), revoked::body);
        assertUnauthorized(call(bearer, "GET", "api/v1/accounts/verify_credentials", null));
        assertTrue(browser.get("").body().contains("id=\"signOut\""), "the browser's session is not the app's");
    }

    @Test
    void aCodeWorksOnceForItsAppItsAddressAndItsVerifierOnly() {
        JsonObject app = registerApp(CALLBACK + " " + CALLBACK + "2", "read");
        JsonObject other = registerApp(CALLBACK, "read");
        WebClient browser = new WebClient(base);
        browser.register(Names.unique("ann"));

        String code = code(browser, app, CALLBACK);
        assertTrue(exchange(app, code, CALLBACK, VERIFIER).containsKey("access_token"));
        assertGrantRefused(app, code, CALLBACK, VERIFIER, "a used code");

        assertGrantRefused(
                app,
                code(browser, app, CALLBACK),
                CALLBACK,
                "another-verifier-000000000000000000000000000",
                "a wrong verifier");
        String spent = code(browser, app, CALLBACK);
        assertGrantRefused(app, spent, CALLBACK, null, "no verifier");
        assertGrantRefused(app, spent, CALLBACK, VERIFIER, "a code a wrong guess used up");
        assertGrantRefused(other, code(browser, app, CALLBACK), CALLBACK, VERIFIER, "another app's code");
        assertGrantRefused(app, code(browser, app, CALLBACK), CALLBACK + "2", VERIFIER, "another address");

        Map<String, String> wrongSecret =
                new LinkedHashMap<>(tokenRequest(app, code(browser, app, CALLBACK), CALLBACK, VERIFIER));
        wrongSecret.put("client_secret", "wrong");
        Page refused = form("oauth/token", wrongSecret);
        assertEquals(401, refused.status(), refused::body);
        assertEquals("invalid_client", json(refused).getString("error"));

        Page password = form(
                "oauth/token",
                Map.of(
                        "grant_type",
                        "password",
                        "username",
                        "ann",
                        "password",
                        WebClient.PASSWORD,
                        "client_id",
                        app.getString("client_id"),
                        "client_secret",
                        app.getString("client_secret")));
        assertEquals(400, password.status());
        assertEquals("unsupported_grant_type", json(password).getString("error"));
    }

    @Test
    void theClientSecretMayComeByHttpBasicAndAnAppsOwnTokenActsForNobody() {
        JsonObject app = registerApp(CALLBACK, "read write");
        String basic = Base64.getEncoder()
                .encodeToString((app.getString("client_id") + ":" + app.getString("client_secret"))
                        .getBytes(StandardCharsets.UTF_8));
        Page issued = new WebClient(base)
                .send(
                        "POST",
                        "oauth/token",
                        HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=read"),
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Authorization",
                        "Basic " + basic);
        assertEquals(200, issued.status(), issued::body);
        String bearer = json(issued).getString("access_token");

        assertEquals(
                200, call(bearer, "GET", "api/v1/apps/verify_credentials", null).status());
        assertEquals(200, call(bearer, "GET", "api/v1/timelines/public", null).status());
        Page nobody = call(bearer, "GET", "api/v1/accounts/verify_credentials", null);
        assertEquals(422, nobody.status(), nobody::body);
        Page beyond = form(
                "oauth/token",
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "scope",
                        "read push",
                        "client_id",
                        app.getString("client_id"),
                        "client_secret",
                        app.getString("client_secret")));
        assertEquals("invalid_scope", json(beyond).getString("error"));
    }

    @Test
    void theConsentPageSendsNobodyToAnAddressTheAppDidNotRegisterAndReportsEveryOtherFaultToTheApp() {
        JsonObject app = registerApp(CALLBACK, "read");
        WebClient browser = new WebClient(base);
        browser.register(Names.unique("ann"));

        Map<String, String> unknown = authorization(app, CALLBACK, "read", "s");
        unknown.put("client_id", "no-such-client");
        assertEquals(400, browser.get("authorize?" + ApiApp.query(unknown)).status());
        Page elsewhere =
                browser.get("authorize?" + ApiApp.query(authorization(app, "https://evil.example/", "read", "s")));
        assertEquals(400, elsewhere.status());
        assertTrue(elsewhere.header("Location").isEmpty(), "no redirect");

        assertBackWithError(
                browser,
                withParameter(authorization(app, CALLBACK, "read", "s"), "response_type", "token"),
                "unsupported_response_type");
        assertBackWithError(browser, authorization(app, CALLBACK, "read write", "s"), "invalid_scope");
        assertBackWithError(
                browser,
                withParameter(authorization(app, CALLBACK, "read", "s"), "code_challenge_method", "plain"),
                "invalid_request");

        Page consent = browser.get("authorize?" + ApiApp.query(authorization(app, CALLBACK, "read", "s")));
        Page denied = browser.submit(consent, "authorize", "deny", Map.of());
        Map<String, String> back = ApiApp.parameters(denied.header("Location").orElseThrow(), CALLBACK);
        assertEquals("access_denied", back.get("error"));
        assertEquals("s", back.get("state"));

        Page visitor = new WebClient(base).get("authorize?" + ApiApp.query(authorization(app, CALLBACK, "read", "s")));
        assertEquals(302, visitor.status());
        String login = URLDecoder.decode(visitor.header("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(login.contains("/login?next=") && login.contains("client_id=" + app.getString("client_id")), login);
    }

    @Test
    void outOfBandTheCodeIsShownOnThePageAndAGrantedTokenEndsWithThePersonsSessions() {
        JsonObject app = registerApp("urn:ietf:wg:oauth:2.0:oob", "read");
        WebClient browser = new WebClient(base);
        browser.register(Names.unique("ann"));

        Page consent =
                browser.get("authorize?" + ApiApp.query(authorization(app, "urn:ietf:wg:oauth:2.0:oob", "read", "s")));
        Page shown = browser.submit(consent, "authorize", "allow", Map.of());
        assertEquals(200, shown.status(), shown::body);
        String code = shown.text("code");
        assertFalse(code.isBlank(), shown::body);
        String bearer =
                exchange(app, code, "urn:ietf:wg:oauth:2.0:oob", VERIFIER).getString("access_token");
        assertEquals(
                200,
                call(bearer, "GET", "api/v1/accounts/verify_credentials", null).status());

        Page forbidden = call(bearer, "POST", "api/v1/statuses", "{\"status\":\"read only\"}");
        assertEquals(403, forbidden.status(), forbidden::body);
        assertEquals(
                400,
                call(bearer, "GET", "api/v1/timelines/home?limit=abc", null).status());

        browser.follow(browser.submit(browser.get("change-password"), "everywhere", "submit", Map.of()));
        assertUnauthorized(call(bearer, "GET", "api/v1/accounts/verify_credentials", null));
    }

    @Test
    void registrationRefusesAddressesThatRunInTheBrowserAndAnswersWhatIsWrong() {
        for (String uri : new String[] {
            "javascript:alert(1)", "data:text/html,hi", "https://app.example/#fragment", "not an address"
        }) {
            Page refused = postJson("api/v1/apps", "{\"client_name\":\"x\",\"redirect_uris\":\"" + uri + "\"}");
            assertEquals(422, refused.status(), uri);
            assertFalse(json(refused).getString("error").isBlank());
        }
        assertEquals(
                422,
                postJson("api/v1/apps", "{\"client_name\":\"\",\"redirect_uris\":\"" + CALLBACK + "\"}")
                        .status());
        assertEquals(
                422,
                postJson(
                                "api/v1/apps",
                                "{\"client_name\":\"x\",\"redirect_uris\":\"" + CALLBACK + "\",\"scopes\":\"admin\"}")
                        .status());
        Page custom =
                postJson("api/v1/apps", "{\"client_name\":\"x\",\"redirect_uris\":[\"com.example.app:/callback\"]}");
        assertEquals(200, custom.status(), custom::body);
        assertEquals("read", json(custom).getString("scopes"));
    }

    @Test
    void followingBlockingAndMutingThroughAnAppChangeWhatThePagesShow() {
        JsonObject app = registerApp(CALLBACK, "read write follow");
        WebClient browser = new WebClient(base);
        String ann = Names.unique("ann");
        browser.register(ann);
        String bob = Names.unique("bob");
        new WebClient(base).register(bob);
        String bearer = token(browser, app, "read write follow");
        String bobId = json(call(bearer, "GET", "api/v1/accounts/lookup?acct=" + bob, null))
                .getString("id");
        String annId = json(call(bearer, "GET", "api/v1/accounts/verify_credentials", null))
                .getString("id");

        JsonObject followed = json(call(bearer, "POST", "api/v1/accounts/" + bobId + "/follow", null));
        assertTrue(followed.getBoolean("following"), followed::toString);
        assertEquals("1 follower", new WebClient(base).get("user/" + bob).text("followers-count"));
        JsonObject muted = json(call(bearer, "POST", "api/v1/accounts/" + bobId + "/mute", null));
        assertTrue(muted.getBoolean("muting") && muted.getBoolean("following"), muted::toString);
        JsonObject blocked = json(call(bearer, "POST", "api/v1/accounts/" + bobId + "/block", null));
        assertTrue(blocked.getBoolean("blocking") && !blocked.getBoolean("following"), blocked::toString);
        assertEquals("0 followers", new WebClient(base).get("user/" + bob).text("followers-count"));
        assertFalse(json(call(bearer, "POST", "api/v1/accounts/" + bobId + "/unblock", null))
                .getBoolean("blocking"));

        Page relationships =
                call(bearer, "GET", "api/v1/accounts/relationships?id[]=" + bobId + "&id[]=99999999999", null);
        assertEquals(200, relationships.status(), relationships::body);
        assertTrue(
                relationships.body().startsWith("[{\"") && relationships.body().contains("\"id\":\"" + bobId + "\""));
        assertEquals(
                1,
                Json.createReader(new StringReader(relationships.body()))
                        .readArray()
                        .size(),
                "unknown ids left out");

        assertEquals(
                422,
                call(bearer, "POST", "api/v1/accounts/" + bobId + "/mute", null).status(),
                "not followed");
        assertEquals(
                422,
                call(bearer, "POST", "api/v1/accounts/" + annId + "/follow", null)
                        .status(),
                "oneself");
        assertEquals(
                404,
                call(bearer, "POST", "api/v1/accounts/99999999999/follow", null).status());
        String readOnly = token(browser, app, "read");
        assertEquals(
                403,
                call(readOnly, "POST", "api/v1/accounts/" + bobId + "/follow", null)
                        .status());
    }

    @Test
    void theAppsPageListsWhatThePersonAuthorizedAndRevokeEndsItAtOnce() {
        JsonObject app = registerApp(CALLBACK, "read write");
        WebClient browser = new WebClient(base);
        browser.register(Names.unique("ann"));
        String bearer = token(browser, app, "read");

        Page apps = browser.get("apps");
        assertEquals(200, apps.status(), apps::body);
        assertTrue(apps.text("apps").contains(app.getString("name")), apps::body);
        assertTrue(apps.text("apps").contains("with read"), apps::body);
        java.util.regex.Matcher target = java.util.regex.Pattern.compile("name:\"target\",value:\"?(\\d+)")
                .matcher(apps.body());
        assertTrue(target.find(), apps::body);

        WebClient stranger = new WebClient(base);
        stranger.register(Names.unique("eve"));
        token(stranger, app, "read"); // so that eve's page has a Revoke of her own to send ann's id with
        stranger.click(stranger.get("apps"), "apps", "rows:0:revoke", Map.of("target", target.group(1)));
        assertEquals(
                200,
                call(bearer, "GET", "api/v1/accounts/verify_credentials", null).status(),
                "not eve's to end");

        Page revoked = browser.click(apps, "apps", "rows:0:revoke", Map.of("target", target.group(1)));
        assertTrue(revoked.body().contains("The app no longer has access to your account."), revoked::body);
        assertUnauthorized(call(bearer, "GET", "api/v1/accounts/verify_credentials", null));
        assertTrue(browser.get("apps").body().contains("You have not authorized any app."));
    }

    @Test
    void codesExchangedAtTheSameMomentEachGiveAWorkingToken() throws Exception {
        ApiApp app = ApiApp.register(base, "read");
        List<String> codes = new ArrayList<>();
        for (int person = 0; person < 6; person++) {
            WebClient browser = new WebClient(base);
            browser.register(Names.unique("many"));
            codes.add(app.code(browser, "read"));
        }
        List<String> tokens;
        try (ExecutorService threads = Executors.newFixedThreadPool(codes.size())) {
            List<Future<String>> exchanged = threads.invokeAll(codes.stream()
                    .map(code -> (Callable<String>) () -> app.exchange(code).getString("access_token"))
                    .toList());
            tokens = new ArrayList<>();
            for (Future<String> token : exchanged) {
                tokens.add(token.get());
            }
        }
        for (String token : tokens) {
            assertEquals(
                    200,
                    call(token, "GET", "api/v1/accounts/verify_credentials", null)
                            .status());
        }
    }

    @Test
    void aStatusPostedAsAFormIsPostedAsItsJsonTwin() {
        ApiApp app = ApiApp.register(base, "read write");
        WebClient browser = new WebClient(base);
        browser.register(Names.unique("ann"));
        String bearer = app.token(browser, "write");

        Page posted = new WebClient(base)
                .send(
                        "POST",
                        "api/v1/statuses",
                        HttpRequest.BodyPublishers.ofString("status=a+%3C+b%0Aand+%26&visibility=public"),
                        "Authorization",
                        "Bearer " + bearer,
                        "Content-Type",
                        "application/x-www-form-urlencoded");
        assertEquals(200, posted.status(), posted::body);
        assertEquals("<p>a &lt; b<br>and &amp;</p>", json(posted).getString("content"));
        Page empty = new WebClient(base)
                .send(
                        "POST",
                        "api/v1/statuses",
                        HttpRequest.BodyPublishers.ofString("visibility=public"),
                        "Authorization",
                        "Bearer " + bearer,
                        "Content-Type",
                        "application/x-www-form-urlencoded");
        assertEquals(422, empty.status(), empty::body);
    }

    @Test
    void whatAnAppAsksAtStartUpAndWhatMicroblogHasNotAreAnsweredNotFailed() {
        JsonObject app = registerApp(CALLBACK, "read write");
        WebClient browser = new WebClient(base);
        String ann = Names.unique("ann");
        browser.register(ann);
        String bearer = token(browser, app, "read write");

        JsonObject preferences = json(call(bearer, "GET", "api/v1/preferences", null));
        assertEquals("public", preferences.getString("posting:default:visibility"));
        for (String list : new String[] {
            "lists", "filters", "announcements", "follow_requests", "favourites", "bookmarks", "conversations"
        }) {
            Page page = call(bearer, "GET", "api/v1/" + list, null);
            assertEquals(200, page.status(), list);
            assertEquals("[]", page.body(), list);
        }
        String id = json(call(bearer, "POST", "api/v1/statuses", "{\"status\":\"mine\"}"))
                .getString("id");
        for (String action : new String[] {"favourite", "reblog", "bookmark", "pin"}) {
            Page refused = call(bearer, "POST", "api/v1/statuses/" + id + "/" + action, null);
            assertEquals(422, refused.status(), action);
            assertTrue(json(refused).getString("error").startsWith("Microblog has no "), refused::body);
        }
        assertEquals(
                404,
                call(bearer, "POST", "api/v1/statuses/99999999999/favourite", null)
                        .status());
        Page withMedia = call(bearer, "POST", "api/v1/statuses", "{\"status\":\"x\",\"media_ids\":[\"1\"]}");
        assertEquals(422, withMedia.status());
        Page tooLong = call(bearer, "POST", "api/v1/statuses", "{\"status\":\"" + "x".repeat(141) + "\"}");
        assertEquals(422, tooLong.status());
        assertEquals(
                1,
                json(call(bearer, "GET", "api/v1/accounts/verify_credentials", null))
                        .getInt("statuses_count"),
                "nothing stored");

        Page updated = call(bearer, "PATCH", "api/v1/accounts/update_credentials", "{\"note\":\"I <3 Jakarta EE\"}");
        assertEquals(200, updated.status(), updated::body);
        assertEquals("<p>I &lt;3 Jakarta EE</p>", json(updated).getString("note"));
        assertEquals("I <3 Jakarta EE", json(updated).getJsonObject("source").getString("note"));
        assertTrue(browser.get("user/" + ann).body().contains("I &lt;3 Jakarta EE"), "the profile shows it");
        Page tooMuch =
                call(bearer, "PATCH", "api/v1/accounts/update_credentials", "{\"note\":\"" + "x".repeat(500) + "\"}");
        assertEquals(422, tooMuch.status(), tooMuch::body);
    }

    /** A token of {@code app} for the person signed in on {@code browser}, through the consent page. */
    private String token(WebClient browser, JsonObject app, String scopes) {
        Page consent = browser.get("authorize?" + ApiApp.query(authorization(app, CALLBACK, scopes, "s")));
        Page answer = browser.submit(consent, "authorize", "allow", Map.of());
        String code = ApiApp.parameters(answer.header("Location").orElseThrow(), CALLBACK)
                .get("code");
        return exchange(app, code, CALLBACK, VERIFIER).getString("access_token");
    }

    private JsonObject registerApp(String redirectUris, String scopes) {
        String name = "Test app " + Names.unique("a");
        Page page = postJson(
                "api/v1/apps",
                "{\"client_name\":\"" + name + "\",\"redirect_uris\":\"" + redirectUris + "\",\"scopes\":\"" + scopes
                        + "\",\"website\":\"https://app.example\"}");
        assertEquals(200, page.status(), page::body);
        JsonObject app = json(page);
        assertEquals(name, app.getString("name"));
        return app;
    }

    private Map<String, String> authorization(JsonObject app, String redirect, String scope, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", app.getString("client_id"));
        parameters.put("redirect_uri", redirect);
        parameters.put("response_type", "code");
        parameters.put("scope", scope);
        parameters.put("state", state);
        parameters.put("code_challenge", ApiApp.s256(VERIFIER));
        parameters.put("code_challenge_method", "S256");
        return parameters;
    }

    private static Map<String, String> withParameter(Map<String, String> parameters, String name, String value) {
        parameters.put(name, value);
        return parameters;
    }

    private String code(WebClient browser, JsonObject app, String redirect) {
        Page consent = browser.get("authorize?" + ApiApp.query(authorization(app, redirect, "read", "s")));
        Page answer = browser.submit(consent, "authorize", "allow", Map.of());
        return ApiApp.parameters(answer.header("Location").orElseThrow(), redirect)
                .get("code");
    }

    private Map<String, String> tokenRequest(JsonObject app, String code, String redirect, String verifier) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirect);
        if (verifier != null) {
            fields.put("code_verifier", verifier);
        }
        fields.put("client_id", app.getString("client_id"));
        fields.put("client_secret", app.getString("client_secret"));
        return fields;
    }

    private JsonObject exchange(JsonObject app, String code, String redirect, String verifier) {
        Page page = form("oauth/token", tokenRequest(app, code, redirect, verifier));
        assertEquals(200, page.status(), page::body);
        assertTrue(page.headers().allValues("Set-Cookie").isEmpty());
        return json(page);
    }

    private void assertGrantRefused(JsonObject app, String code, String redirect, String verifier, String why) {
        Page page = form("oauth/token", tokenRequest(app, code, redirect, verifier));
        assertEquals(400, page.status(), why + ": " + page.body());
        assertEquals("invalid_grant", json(page).getString("error"), why);
    }

    private void assertBackWithError(WebClient browser, Map<String, String> parameters, String error) {
        Page page = browser.get("authorize?" + ApiApp.query(parameters));
        assertEquals(302, page.status(), page::body);
        Map<String, String> back = ApiApp.parameters(page.header("Location").orElseThrow(), CALLBACK);
        assertEquals(error, back.get("error"));
        assertEquals(parameters.get("state"), back.get("state"));
    }

    private static void assertUnauthorized(Page page) {
        assertEquals(401, page.status(), page::body);
        assertFalse(json(page).getString("error").isBlank());
    }

    private Page call(String bearer, String method, String path, String json) {
        return ApiApp.call(base, bearer, method, path, json);
    }

    private Page postJson(String path, String json) {
        return new WebClient(base)
                .send("POST", path, HttpRequest.BodyPublishers.ofString(json), "Content-Type", "application/json");
    }

    private Page form(String path, Map<String, String> fields) {
        return new WebClient(base).post(new WebClient(base).uri(path), fields);
    }

    private static JsonObject json(Page page) {
        try (var reader = Json.createReader(new StringReader(page.body()))) {
            return reader.readObject();
        }
    }
}
