package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * "Export my posts" as a person does it in Chromium: the button on the profile editor, the export page reloading
 * itself until the file is ready, the download, and the notification that leads back to it.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class ExportBrowserIT {

    /**
     * Fetches {@code href} as the page's link would download it, with the page's cookies: its status, type,
     * disposition and text. (Headless Chromium saves a download where no test can configure it per test; the request
     * and the answer are the same.)
     */
    private static final String FETCH = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin'})
                .then(r => r.text().then(t => done([String(r.status), r.headers.get('Content-Type'),
                    r.headers.get('Content-Disposition'), t])))
                .catch(e => done(['error', String(e), '', '']));
            """;

    @ArquillianResource
    URL base;

    Browser browser;

    @Test
    void aPersonExportsTheirPostsWatchesItFinishAndDownloadsTheFile() {
        String ann = Names.unique("ann");
        browser.register(ann);
        browser.post("The oldest of my posts");
        browser.post("The newest of my posts");

        browser.open("edit-profile");
        browser.clickAndLoad("export:submit");
        browser.waitForText("Your posts are being exported.");
        browser.waitForText("Your export of 2 posts is ready."); // the page reloads itself until then

        String href = browser.element("export-download").getAttribute("href");
        @SuppressWarnings("unchecked")
        List<String> answer = (List<String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(FETCH, href);
        assertEquals("200", answer.get(0), () -> String.valueOf(answer));
        assertTrue(answer.get(1).startsWith("application/json"), answer.get(1));
        assertTrue(answer.get(2).startsWith("attachment;"), answer.get(2));
        JsonObject file;
        try (JsonReader reader = Json.createReader(new StringReader(answer.get(3)))) {
            file = reader.readObject();
        }
        assertEquals(ann, file.getJsonObject("account").getString("username"));
        assertEquals(
                List.of("The newest of my posts", "The oldest of my posts"),
                file.getJsonArray("posts").stream()
                        .map(JsonValue::asJsonObject)
                        .map(post -> post.getString("text"))
                        .toList());

        browser.clickAndLoad("nav-notifications");
        browser.driver().findElement(By.cssSelector("a.export-ready")).click();
        browser.waitForText("Download (JSON)");
        assertTrue(browser.currentPath().endsWith("/export"), browser.currentPath());
    }

    @Test
    void aRunningExportShowsHowManyPostsAreDoneInEnglishAndSpanish() {
        String bea = Names.unique("bea");
        WebClient client = new WebClient(base);
        client.register(bea);
        for (String text : List.of("one", "two", "three")) {
            client.follow(client.submit(client.get(""), "post", "submit", Map.of("post:body", text)));
        }
        ExportIT.exportFixture(base, bea, "running"); // one post of three written, and no job running it
        try {
            browser.signIn(bea);
            browser.open("export");
            browser.waitForText("1 of 3 posts done");
            atBothWidths("export-running");
            browser.open("");
            browser.chooseLanguage("es");
            browser.open("export");
            browser.waitForText("1 de 3 publicaciones hechas");
            atBothWidths("export-running-es");
        } finally {
            ExportIT.exportFixture(base, bea, "fail");
        }
    }

    /** Screenshots the page at LookIT's two widths (its layout checks would race the page's own reloading). */
    private void atBothWidths(String name) {
        for (int width : List.of(1280, 390)) {
            browser.viewport(width, width == 390 ? 844 : 900, width == 390);
            browser.screenshot("look-" + name + "-" + width);
        }
        browser.resetViewport();
    }
}
