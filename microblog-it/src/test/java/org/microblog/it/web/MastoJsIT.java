package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.HasDevTools;

/**
 * The client API as a real Mastodon client library uses it: masto.js (the library of Elk and Phanpy), run by the
 * Node.js that {@code src/test/mastojs/package-lock.json} pins, installed there by the build ({@code npm ci}). This
 * class makes the people and their tokens through the real consent page, one of them in Chromium with an app's own
 * scheme as its redirect address, and hands them to the Node test files in environment variables; each file's
 * tests are in {@code src/test/mastojs}, and Node's report is this test's failure message.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class MastoJsIT {

    /** An app's own scheme, as a phone app registers it: no web page can stand behind it. */
    private static final String APP_CALLBACK = "com.example.app:/callback";

    private static final String VERIFIER = "masto-js-verifier-of-at-least-43-characters-0123456789";
    private static final Duration NODE_TIMEOUT = Duration.ofMinutes(4);

    @ArquillianResource
    URL base;

    Browser browser;

    /**
     * Instance, accounts, statuses (escaping, lengths), timelines paged both ways, follows, blocks, mutes, deletion,
     * refusals and revocation, with one token granted in Chromium and the others over HTTP.
     */
    @Test
    void mastoJsUsesTheClientApiWithTokensGrantedOnTheConsentPage() {
        JsonObject app = registerApp(APP_CALLBACK, "read write follow");
        String ann = Names.unique("ann");
        String annToken = tokenGrantedInChromium(ann, app);

        Map<String, String> env = new LinkedHashMap<>(environment(app));
        env.put("ANN_USERNAME", ann);
        env.put("ANN_TOKEN", annToken);
        WebClient annHttp = new WebClient(base);
        annHttp.signIn(ann);
        Page consent = annHttp.follow(
                annHttp.get("oauth/authorize?" + query(authorization(app, APP_CALLBACK, "read", "policy"))));
        assertTrue(
                consent.header("Content-Security-Policy").orElse("").contains("form-action 'self' com.example.app:;"),
                () -> "the consent page's form may lead to the app's scheme: " + consent.headers());
        env.put("ANN_READ_ONLY_TOKEN", token(annHttp, app, "read"));
        env.put("ANN_REVOCABLE_TOKEN", token(annHttp, app, "read"));
        env.put("ANN_FORM_REVOCABLE_TOKEN", token(annHttp, app, "read"));
        env.put("ANN_CODE", code(annHttp, app, "read write"));
        env.put("CODE_VERIFIER", VERIFIER);
        env.put("REDIRECT_URI", APP_CALLBACK);
        for (String person : List.of("bob", "carol", "dave")) {
            register(person, app, env);
        }

        runNode("client-api.test.js", env);
    }

    /**
     * Notifications, markers, the list of mutes and follow suggestions, written from Mastodon's documentation before
     * Microblog serves them.
     */
    @Test
    void mastoJsReadsNotificationsMarkersMutesAndSuggestionsAsMastodonDocumentsThem() {
        JsonObject app = registerApp(APP_CALLBACK, "read write follow");
        Map<String, String> env = new LinkedHashMap<>(environment(app));
        WebClient nick = register("nick", app, env);
        env.put("NICK_READ_ONLY_TOKEN", token(nick, app, "read"));
        for (String person : List.of("olga", "pete", "quinn")) {
            register(person, app, env);
        }

        runNode("social.test.js", env);
    }

    /**
     * A token for a new person registered in Chromium, who authorizes the app on the consent page with the app's own
     * scheme as the redirect address. The page's Content-Security-Policy must let the form's redirect go there:
     * Chromium is watched through DevTools, and it must have gone on to that address with a code (it has no handler
     * for the scheme, so it goes no further) and reported no refusal; the code then gives a working token.
     */
    private String tokenGrantedInChromium(String username, JsonObject app) {
        browser.register(username);
        DevTools devTools = ((HasDevTools) browser.driver()).getDevTools();
        devTools.createSessionIfThereIsNotOne();
        Queue<Map<String, Object>> requests = new ConcurrentLinkedQueue<>();
        Queue<Map<String, Object>> failures = new ConcurrentLinkedQueue<>();
        Queue<String> console = new ConcurrentLinkedQueue<>();
        try {
            devTools.addListener(event("Network.requestWillBeSent"), requests::add);
            devTools.addListener(event("Network.loadingFailed"), failures::add);
            devTools.addListener(event("Log.entryAdded"), entry -> console.add(String.valueOf(entry.get("entry"))));
            devTools.addListener(
                    event("Runtime.consoleAPICalled"), call -> console.add(String.valueOf(call.get("args"))));
            devTools.send(new Command<Void>("Network.enable", Map.of()));
            devTools.send(new Command<Void>("Log.enable", Map.of()));
            devTools.send(new Command<Void>("Runtime.enable", Map.of()));

            browser.open("oauth/authorize?" + query(authorization(app, APP_CALLBACK, "read write follow", "chromium")));
            assertTrue(browser.text("scopes").contains("follow"), "the consent page names the scopes");
            browser.element("authorize:allow").click();
            // Chromium either follows the 302 to the app's address, or refuses it in its console ("Sending form data
            // to '...' violates the following Content Security Policy directive: ... The request has been blocked.")
            browser.until(
                    d -> redirectTo(requests).isPresent() || !refusals(console).isEmpty());
            assertEquals(List.of(), refusals(console), "Chromium refused the consent page's redirect");
            Map<String, Object> redirect = redirectTo(requests).orElseThrow();
            String target = String.valueOf(((Map<?, ?>) redirect.get("request")).get("url"));
            Map<?, ?> response = (Map<?, ?>) redirect.get("redirectResponse");
            assertTrue(response != null, () -> "reached by the consent page's redirect: " + redirect);
            assertEquals(302L, ((Number) response.get("status")).longValue(), response::toString);
            // It has no app for the scheme and ends the navigation there; had a policy blocked it, "blockedReason"
            String requestId = String.valueOf(redirect.get("requestId"));
            browser.until(d -> failures.stream().anyMatch(failure -> requestId.equals(failure.get("requestId"))));
            List<Map<String, Object>> ended = failures.stream()
                    .filter(failure -> requestId.equals(failure.get("requestId")))
                    .toList();
            assertTrue(
                    ended.stream().noneMatch(failure -> failure.containsKey("blockedReason")),
                    () -> "Chromium blocked the redirect: " + ended);
            assertEquals(List.of(), refusals(console), "Chromium refused the consent page's redirect");
            System.out.println("Chromium: the consent page's 302 led to " + target.replaceFirst("code=[^&]+", "code=…")
                    + ", ended with "
                    + ended.stream().map(failure -> failure.get("errorText")).toList());

            Map<String, String> back = parameters(target, APP_CALLBACK);
            assertEquals("chromium", back.get("state"));
            String token = exchange(app, back.get("code"), APP_CALLBACK).getString("access_token");
            Page me = call(token, "api/v1/accounts/verify_credentials");
            assertEquals(200, me.status(), me::body);
            assertEquals(username, json(me.body()).getString("username"));
            return token;
        } finally {
            devTools.clearListeners();
            devTools.disconnectSession();
        }
    }

    /** The request Chromium made to the app's address, once it follows the consent page's redirect. */
    private static Optional<Map<String, Object>> redirectTo(Queue<Map<String, Object>> requests) {
        return requests.stream()
                .filter(request -> String.valueOf(((Map<?, ?>) request.get("request")).get("url"))
                        .startsWith(APP_CALLBACK + "?"))
                .findFirst();
    }

    /** What Chromium's console says about the Content-Security-Policy: nothing, unless it refused something. */
    private static List<String> refusals(Queue<String> console) {
        return console.stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("Refused"))
                .toList();
    }

    /**
     * Runs one test file of {@code src/test/mastojs} with the pinned Node.js and {@code env}, and fails with Node's
     * report unless every test passed.
     */
    private void runNode(String testFile, Map<String, String> env) {
        Path folder = Path.of(System.getProperty("microblog.mastojs", "src/test/mastojs"));
        Path node = folder.resolve("node_modules/node/bin/node");
        assertTrue(
                Files.isExecutable(node),
                () -> "No Node.js in " + node + ": the build installs it (npm ci in " + folder + ")");
        ProcessBuilder builder = new ProcessBuilder(
                        node.toString(),
                        "--test",
                        "--test-reporter=spec",
                        "--test-concurrency=1",
                        "--test-timeout=60000",
                        testFile)
                .directory(folder.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("NO_COLOR", "1");
        try {
            Path report = Files.createTempFile("mastojs-", ".txt");
            Process process = builder.redirectOutput(report.toFile()).start();
            boolean finished = process.waitFor(NODE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(report);
            Files.delete(report);
            if (!finished) {
                fail("Node did not finish " + testFile + " within " + NODE_TIMEOUT + ":\n" + output);
            }
            assertEquals(0, process.exitValue(), () -> "masto.js tests " + testFile + " failed:\n" + output);
            System.out.println(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers a new person (a unique name for {@code person}) and grants {@code app} a token for them, as {@code
     * PERSON_USERNAME} and {@code PERSON_TOKEN} in {@code env}; the client is signed in as them.
     */
    private WebClient register(String person, JsonObject app, Map<String, String> env) {
        String name = Names.unique(person);
        WebClient client = new WebClient(base);
        client.register(name);
        String prefix = person.toUpperCase(Locale.ROOT);
        env.put(prefix + "_USERNAME", name);
        env.put(prefix + "_TOKEN", token(client, app, "read write follow"));
        return client;
    }

    /** What every test file is told: where Microblog answers, and the app the tokens belong to. */
    private Map<String, String> environment(JsonObject app) {
        return Map.of(
                "MICROBLOG_URL", base.toString(),
                "CLIENT_ID", app.getString("client_id"),
                "CLIENT_SECRET", app.getString("client_secret"));
    }

    private static Event<Map<String, Object>> event(String method) {
        return new Event<>(method, input -> input.read(org.openqa.selenium.json.Json.MAP_TYPE));
    }

    private JsonObject registerApp(String redirectUri, String scopes) {
        Page page = new WebClient(base)
                .send(
                        "POST",
                        "api/v1/apps",
                        HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                .add("client_name", "masto.js " + Names.unique("app"))
                                .add("redirect_uris", redirectUri)
                                .add("scopes", scopes)
                                .build()
                                .toString()),
                        "Content-Type",
                        "application/json");
        assertEquals(200, page.status(), page::body);
        return json(page.body());
    }

    /** A token of {@code app} for the person signed in on {@code client}, through the consent page over HTTP. */
    private String token(WebClient client, JsonObject app, String scopes) {
        return exchange(app, code(client, app, scopes), APP_CALLBACK).getString("access_token");
    }

    private String code(WebClient client, JsonObject app, String scopes) {
        Page consent =
                client.follow(client.get("oauth/authorize?" + query(authorization(app, APP_CALLBACK, scopes, "http"))));
        assertEquals(200, consent.status(), consent::body);
        Page answer = client.submit(consent, "authorize", "allow", Map.of());
        assertEquals(302, answer.status(), answer::body);
        return parameters(answer.header("Location").orElseThrow(), APP_CALLBACK).get("code");
    }

    private JsonObject exchange(JsonObject app, String code, String redirect) {
        WebClient client = new WebClient(base);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirect);
        fields.put("code_verifier", VERIFIER);
        fields.put("client_id", app.getString("client_id"));
        fields.put("client_secret", app.getString("client_secret"));
        Page page = client.post(client.uri("oauth/token"), fields);
        assertEquals(200, page.status(), page::body);
        return json(page.body());
    }

    private Page call(String bearer, String path) {
        return new WebClient(base)
                .send("GET", path, HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + bearer);
    }

    private static Map<String, String> authorization(JsonObject app, String redirect, String scope, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", app.getString("client_id"));
        parameters.put("redirect_uri", redirect);
        parameters.put("response_type", "code");
        parameters.put("scope", scope);
        parameters.put("state", state);
        parameters.put("code_challenge", s256(VERIFIER));
        parameters.put("code_challenge_method", "S256");
        return parameters;
    }

    private static Map<String, String> parameters(String location, String expectedStart) {
        assertTrue(location.startsWith(expectedStart + "?"), location);
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

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
