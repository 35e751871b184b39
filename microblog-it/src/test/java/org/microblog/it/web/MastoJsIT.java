package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
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
        ApiApp app = ApiApp.register(base, "read write follow", APP_CALLBACK);
        String ann = Names.unique("ann");
        String annToken = tokenGrantedInChromium(ann, app);

        Map<String, String> env = new LinkedHashMap<>(environment(app));
        env.put("ANN_USERNAME", ann);
        env.put("ANN_TOKEN", annToken);
        WebClient annHttp = new WebClient(base);
        annHttp.signIn(ann);
        Page consent = annHttp.follow(annHttp.get("oauth/authorize?" + app.authorization("read", "policy")));
        assertTrue(
                consent.header("Content-Security-Policy").orElse("").contains("form-action 'self' com.example.app:;"),
                () -> "the consent page's form may lead to the app's scheme: " + consent.headers());
        env.put("ANN_READ_ONLY_TOKEN", app.token(annHttp, "read"));
        env.put("ANN_REVOCABLE_TOKEN", app.token(annHttp, "read"));
        env.put("ANN_FORM_REVOCABLE_TOKEN", app.token(annHttp, "read"));
        env.put("ANN_CODE", app.code(annHttp, "read write"));
        env.put("CODE_VERIFIER", ApiApp.VERIFIER);
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
        ApiApp app = ApiApp.register(base, "read write follow", APP_CALLBACK);
        Map<String, String> env = new LinkedHashMap<>(environment(app));
        WebClient nick = register("nick", app, env);
        env.put("NICK_READ_ONLY_TOKEN", app.token(nick, "read"));
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
    private String tokenGrantedInChromium(String username, ApiApp app) {
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

            browser.open("oauth/authorize?" + app.authorization("read write follow", "chromium"));
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

            Map<String, String> back = app.back(target);
            assertEquals("chromium", back.get("state"));
            String token = app.exchange(back.get("code")).getString("access_token");
            assertEquals(
                    username,
                    app.get(token, "api/v1/accounts/verify_credentials")
                            .asJsonObject()
                            .getString("username"));
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
    private WebClient register(String person, ApiApp app, Map<String, String> env) {
        String name = Names.unique(person);
        WebClient client = new WebClient(base);
        client.register(name);
        String prefix = person.toUpperCase(Locale.ROOT);
        env.put(prefix + "_USERNAME", name);
        env.put(prefix + "_TOKEN", app.token(client, "read write follow"));
        return client;
    }

    /** What every test file is told: where Microblog answers, and the app the tokens belong to. */
    private Map<String, String> environment(ApiApp app) {
        return Map.of(
                "MICROBLOG_URL", base.toString(),
                "APP_NAME", app.name(),
                "CLIENT_ID", app.clientId(),
                "CLIENT_SECRET", app.clientSecret());
    }

    private static Event<Map<String, Object>> event(String method) {
        return new Event<>(method, input -> input.read(org.openqa.selenium.json.Json.MAP_TYPE));
    }
}
