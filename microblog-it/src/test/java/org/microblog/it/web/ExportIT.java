package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;

/**
 * "Export my posts" over HTTP: the card's POST leads to the export page, which reloads itself while the job runs and
 * then links to the file; the file is the owner's JSON attachment, and nobody else's to get; the notification leads
 * to the page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ArquillianResource
    URL base;

    /** A new person who wrote {@code posts}, oldest first. */
    private WebClient author(String name, List<String> posts) {
        WebClient client = new WebClient(base);
        client.register(name);
        for (String post : posts) {
            client.follow(client.submit(client.get(""), "post", "submit", Map.of("post:body", post)));
        }
        return client;
    }

    /** Clicks "Export my posts" on the profile editor; the answer, not followed. */
    private static Page clickExport(WebClient client) {
        return client.submit(client.get("edit-profile"), "export", "submit", Map.of());
    }

    /** The export page once it offers the download. */
    private static Page awaitReady(WebClient client) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            Page page = client.get("export");
            if (page.document().getElementById("export-download") != null) {
                return page;
            }
            assertNotNull(page.document().getElementById("export-progress"), page::body);
            assertNotNull(page.document().selectFirst("meta[http-equiv=refresh]"), "it reloads itself while it runs");
            Thread.sleep(100);
        }
        throw new AssertionError("No download after " + WAIT);
    }

    /** The download link's address, relative to the application's (as WebClient takes it). */
    private String downloadPath(Page ready) {
        String link = ready.document().getElementById("export-download").absUrl("href");
        assertTrue(link.startsWith(base.toString()), link);
        return link.substring(base.toString().length());
    }

    @Test
    void theCardLeadsToTheExportPageThenTheOwnerDownloadsTheJsonFile() throws Exception {
        String ann = Names.unique("ann");
        WebClient client = author(ann, List.of("my first post", "a \"quoted\" second post"));

        Page started = clickExport(client);
        assertEquals(302, started.status(), started::body);
        assertTrue(started.header("Location").orElseThrow().endsWith("/export"));
        assertTrue(client.follow(started).body().contains("Your posts are being exported."));
        Page ready = awaitReady(client);
        assertTrue(ready.text("export-ready").contains("Your export of 2 posts is ready."), ready::body);
        assertNull(ready.document().selectFirst("meta[http-equiv=refresh]"), "no reloading once it is ready");

        Page file = client.get(downloadPath(ready));
        assertEquals(200, file.status());
        assertTrue(file.header("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(
                "attachment; filename=\"microblog-" + ann + "-posts.json\"",
                file.header("Content-Disposition").orElseThrow());
        assertEquals("private, no-store", file.header("Cache-Control").orElseThrow());
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(file.body()))) {
            json = reader.readObject();
        }
        assertEquals(ann, json.getJsonObject("account").getString("username"));
        assertEquals(
                List.of("a \"quoted\" second post", "my first post"),
                json.getJsonArray("posts").stream()
                        .map(JsonValue::asJsonObject)
                        .map(post -> post.getString("text"))
                        .toList(),
                "newest first");
    }

    /**
     * Sets the person's export up through the test servlet (org.microblog.it.probe.ExportFixtureServlet): {@code
     * running} (the newest post written, no job) or {@code fail}.
     */
    static void exportFixture(URL base, String username, String action) {
        WebClient fixtures = new WebClient(base);
        Page answer = fixtures.post(fixtures.uri("it-fixtures/export"), Map.of("username", username, "action", action));
        assertEquals(200, answer.status(), answer::body);
    }

    @Test
    void whileAnExportRunsThePageShowsItsProgressAndASecondClickSaysOneIsRunning() {
        String name = Names.unique("busy");
        WebClient client = author(name, List.of("one", "two", "three"));
        exportFixture(base, name, "running"); // one post of three written, and no job running it
        try {
            Page running = client.get("export");
            assertEquals("1 of 3 posts done", running.text("export-progress"), running::body);
            Element bar = running.document().selectFirst("progress");
            assertEquals("1", bar.attr("value"));
            assertEquals("3", bar.attr("max"));
            assertEquals(
                    "2",
                    running.document().selectFirst("meta[http-equiv=refresh]").attr("content"));
            assertNull(running.document().getElementById("export-download"));

            Page refused = clickExport(client);

            assertEquals(200, refused.status(), "the profile editor again, with the refusal");
            assertTrue(
                    refused.text("messages").contains("Your posts are being exported already: one export at a time."),
                    refused::body);
            assertEquals("1 of 3 posts done", client.get("export").text("export-progress"), "the same export");
        } finally {
            exportFixture(base, name, "fail");
        }
    }

    @Test
    void nobodyButTheOwnerGetsTheFile() throws Exception {
        String secret = "only mine " + Names.unique("text");
        WebClient owner = author(Names.unique("owner"), List.of(secret));
        clickExport(owner);
        String path = downloadPath(awaitReady(owner));
        WebClient other = author(Names.unique("other"), List.of());
        WebClient visitor = new WebClient(base);

        for (WebClient someoneElse : List.of(other, visitor)) {
            Page refused = someoneElse.get(path);
            assertEquals(404, refused.status(), path);
            assertFalse(refused.body().contains(secret));
            assertFalse(refused.header("Content-Disposition").isPresent());
        }
        for (String wrong : List.of("exports/0", "exports/abc", "exports/", "exports", "exports/1/2")) {
            assertEquals(404, owner.get(wrong).status(), wrong);
        }
        assertEquals(200, owner.get(path).status(), "the owner still can");
        assertEquals(302, visitor.get("export").status(), "a visitor signs in first");
    }

    @Test
    void theReadyNotificationLeadsToTheExportPage() throws Exception {
        WebClient client = author(Names.unique("told"), List.of("a post"));
        clickExport(client);
        awaitReady(client);

        Page notifications = client.get("notifications");
        Element told = notifications.document().selectFirst("a.export-ready");
        assertNotNull(told, notifications::body);
        assertEquals("Your export of your posts is ready to download.", told.text());
        assertTrue(told.attr("href").endsWith("/export"));
    }

    @Test
    void withoutAnExportThePageSaysSoAndDoesNotReload() {
        WebClient client = author(Names.unique("none"), List.of());

        Page page = client.get("export");

        assertEquals(200, page.status());
        assertTrue(page.text("export-none").startsWith("You have no export."), page::body);
        assertNull(page.document().selectFirst("meta[http-equiv=refresh]"));
    }
}
