package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;

/**
 * The client API's limits, from the caller's side: 300 calls per five minutes per token, and per address without
 * one, 30 app registrations per address, every answer saying where its caller stands; and an Idempotency-Key that
 * posts a status once however often, or however concurrently, an app sends it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiLimitsIT {

    private static final int LIMIT = 300;

    @ArquillianResource
    URL base;

    @Test
    void aTokenHasThreeHundredCallsPerFiveMinutesAndAnotherTokenItsOwn() {
        ApiApp app = ApiApp.register(base, "read");
        WebClient browser = new WebClient(base);
        browser.register(Names.unique("ann"));
        String token = app.token(browser, "read");
        Page first = app.call(token, "GET", "api/v1/accounts/verify_credentials", null);
        assertEquals(String.valueOf(LIMIT), first.header("X-RateLimit-Limit").orElseThrow(), first.headers()::toString);
        assertEquals(
                String.valueOf(LIMIT - 1), first.header("X-RateLimit-Remaining").orElseThrow());
        Instant reset = Instant.parse(first.header("X-RateLimit-Reset").orElseThrow());
        assertTrue(
                reset.isAfter(Instant.now().minusSeconds(1))
                        && reset.isBefore(Instant.now().plusSeconds(301)),
                reset::toString);
        assertTrue(first.header("Access-Control-Expose-Headers").orElse("").contains("X-RateLimit-Remaining"));

        assertRefusedAfterTheLimit(() -> app.call(token, "GET", "api/v1/accounts/verify_credentials", null), LIMIT);
        Page other = app.call(app.token(browser, "read"), "GET", "api/v1/accounts/verify_credentials", null);
        assertEquals(200, other.status(), "another token counts on its own");
    }

    @Test
    void anAddressWithoutATokenHasThreeHundredCallsAndThirtyAppRegistrations() {
        WebClient caller = new WebClient(base);
        assertRefusedAfterTheLimit(() -> caller.get("api/v1/timelines/public?limit=1"), LIMIT);
        assertEquals(
                200, new WebClient(base).get("api/v1/timelines/public?limit=1").status(), "another address");

        WebClient registrar = new WebClient(base);
        assertRefusedAfterTheLimit(
                () -> registrar.send(
                        "POST",
                        "api/v1/apps",
                        HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                .add("client_name", "Spam " + Names.unique("s"))
                                .add("redirect_uris", ApiApp.CALLBACK)
                                .build()
                                .toString()),
                        "Content-Type",
                        "application/json"),
                30);
    }

    @Test
    void aStatusSentTwiceWithOneIdempotencyKeyIsPostedOnce() throws Exception {
        ApiApp app = ApiApp.register(base, "read write");
        WebClient browser = new WebClient(base);
        browser.register(Names.unique("ann"));
        String token = app.token(browser, "read write");
        String key = "key-" + Names.unique("k");

        String first = post(app, token, key, "once");
        assertEquals(first, post(app, token, key, "once"), "the same status again");
        assertNotEquals(first, post(app, token, "another-" + key, "once"), "another key, another status");
        WebClient bob = new WebClient(base);
        bob.register(Names.unique("bob"));
        String bobs = post(app, app.token(bob, "write"), key, "once");
        assertNotEquals(first, bobs, "a key is its person's own");

        String together = "together-" + key;
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            Callable<String> send = () -> post(app, token, together, "at once");
            List<Future<String>> sent = threads.invokeAll(List.of(send, send, send, send));
            String id = sent.getFirst().get();
            for (Future<String> each : sent) {
                assertEquals(id, each.get(), "four requests at once, one status");
            }
        }
        int count = ApiApp.object(app.call(token, "GET", "api/v1/accounts/verify_credentials", null))
                .getInt("statuses_count");
        assertEquals(3, count, "once, another key, at once");
    }

    private static String post(ApiApp app, String token, String key, String text) {
        WebClient client = new WebClient(app.base());
        Page page = client.send(
                "POST",
                "api/v1/statuses",
                HttpRequest.BodyPublishers.ofString("{\"status\":\"" + text + "\"}"),
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                key);
        assertEquals(200, page.status(), page::body);
        return ApiApp.object(page).getString("id");
    }

    /**
     * Calls until refused; the {@code limit}+1st call of one window must be the 429. A window that ends meanwhile
     * starts the count again, so the calls are made again in the next one.
     */
    private static void assertRefusedAfterTheLimit(Supplier<Page> call, int limit) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Page page = call.get();
            String window = page.header("X-RateLimit-Reset").orElseThrow(() -> new AssertionError(page.headers()));
            assertEquals(String.valueOf(limit), page.header("X-RateLimit-Limit").orElseThrow());
            long remaining = Long.parseLong(page.header("X-RateLimit-Remaining").orElseThrow());
            boolean sameWindow = true;
            for (long left = remaining; left > 0 && sameWindow; left--) {
                Page next = call.get();
                assertFalse(next.status() == 429, () -> "refused with calls left: " + next.headers());
                sameWindow = window.equals(next.header("X-RateLimit-Reset").orElseThrow());
            }
            Page refused = call.get();
            if (sameWindow && window.equals(refused.header("X-RateLimit-Reset").orElseThrow())) {
                assertEquals(429, refused.status(), refused::body);
                assertEquals("0", refused.header("X-RateLimit-Remaining").orElseThrow());
                assertTrue(ApiApp.object(refused).getString("error").startsWith("Too many"), refused::body);
                return;
            }
        }
        throw new AssertionError("two windows ended during the calls");
    }
}
