package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;

/**
 * The client API's part that needs no sign-in, over plain HTTP as an app calls it: the instance, accounts, statuses
 * and the public timeline, in JSON as Mastodon writes it (ids as strings, snake_case, explicit nulls, times with
 * milliseconds, text as escaped HTML), paged both ways by the Link header, and every refusal as JSON.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiPublicIT {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(next|prev)\"");

    @ArquillianResource
    URL base;

    @Test
    void theInstanceDescribesAMastodonCompatibleServerOfOneHundredFortyCharacters() {
        JsonObject v1 = object(api("api/v1/instance"));
        assertTrue(v1.getString("version").startsWith("4.0.0 (compatible; Microblog"), v1::toString);
        assertEquals(
                140, v1.getJsonObject("configuration").getJsonObject("statuses").getInt("max_characters"));
        assertEquals(List.of("en", "es"), strings(v1.getJsonArray("languages")));
        assertTrue(v1.getBoolean("registrations"));
        assertTrue(v1.getJsonObject("stats").getJsonNumber("user_count").longValue() > 0);
        assertTrue(v1.containsKey("contact_account") && v1.isNull("contact_account"), "nulls are written");

        JsonObject v2 = object(api("api/v2/instance"));
        assertEquals(base.getHost() + ":" + base.getPort(), v2.getString("domain"));
        assertEquals(
                140, v2.getJsonObject("configuration").getJsonObject("statuses").getInt("max_characters"));
        assertTrue(v2.getJsonObject("registrations").getBoolean("enabled"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, array(api("api/v1/custom_emojis")));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, array(api("api/v1/trends/tags")));
    }

    @Test
    void anAccountAndItsPostsAreAsMastodonWritesThem() {
        String name = Names.unique("ann");
        WebClient ann = new WebClient(base);
        ann.register(name);
        post(ann, "a < b & \"c\"\nline two");

        JsonObject account = object(api("api/v1/accounts/lookup?acct=" + name));
        String id = account.getString("id");
        assertTrue(id.matches("\\d+"), "an id is a decimal string");
        assertEquals(name, account.getString("username"));
        assertEquals(name, account.getString("acct"));
        assertEquals(1, account.getInt("statuses_count"));
        assertEquals(0, account.getInt("followers_count"));
        assertTrue(TIME.matcher(account.getString("created_at")).matches(), account::toString);
        assertTrue(account.getString("avatar").startsWith(base.toString()), account::toString);
        assertTrue(account.getString("avatar").endsWith(".png"), "apps show bitmaps only: " + account);
        Page avatar = new WebClient(base)
                .get(account.getString("avatar").substring(base.toString().length()));
        assertEquals(200, avatar.status());
        assertEquals("image/png", avatar.header("Content-Type").orElseThrow());
        assertTrue(account.getString("url").endsWith("/user/" + name), account::toString);
        assertFalse(account.containsKey("source"), "only the owner's own account has its source");
        assertEquals(account, object(api("api/v1/accounts/" + id)));
        assertEquals(account, object(api("api/v1/accounts/lookup?acct=@" + name + "@" + base.getHost())));

        JsonArray statuses = array(api("api/v1/accounts/" + id + "/statuses"));
        assertEquals(1, statuses.size());
        JsonObject status = statuses.getJsonObject(0);
        assertEquals("<p>a &lt; b &amp; &quot;c&quot;<br>line two</p>", status.getString("content"));
        assertEquals("public", status.getString("visibility"));
        assertEquals(id, status.getJsonObject("account").getString("id"));
        assertTrue(TIME.matcher(status.getString("created_at")).matches(), status::toString);
        assertTrue(status.containsKey("in_reply_to_id") && status.isNull("in_reply_to_id"), status::toString);
        assertTrue(status.isNull("text"), "the plain text only in the answer to a delete");
        assertEquals(status, object(api("api/v1/statuses/" + status.getString("id"))));
        JsonObject context = object(api("api/v1/statuses/" + status.getString("id") + "/context"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, context.getJsonArray("ancestors"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, context.getJsonArray("descendants"));
        assertTrue(ids(array(api("api/v1/timelines/public?limit=40"))).contains(status.getString("id")));
    }

    @Test
    void pagingOlderByMaxIdAndBackByMinIdMeetsEveryPostOnceNewestFirst() {
        String name = Names.unique("ann");
        WebClient ann = new WebClient(base);
        ann.register(name);
        for (int i = 1; i <= 5; i++) {
            post(ann, "post " + i);
        }
        String id = object(api("api/v1/accounts/lookup?acct=" + name)).getString("id");

        List<String> texts = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Optional<String> next = Optional.of(base + "api/v1/accounts/" + id + "/statuses?limit=2");
        Page page = null;
        while (next.isPresent()) {
            page = api(URI.create(next.get()));
            JsonArray statuses = array(page);
            statuses.forEach(s -> texts.add(s.asJsonObject().getString("content")));
            seen.addAll(ids(statuses));
            next = link(page, "next");
        }
        assertEquals(
                List.of("<p>post 5</p>", "<p>post 4</p>", "<p>post 3</p>", "<p>post 2</p>", "<p>post 1</p>"), texts);
        assertEquals(1, array(page).size(), "the last page, with no link to older posts, holds the oldest");

        List<String> back = new ArrayList<>();
        Optional<String> prev =
                Optional.of(base + "api/v1/accounts/" + id + "/statuses?limit=2&min_id=" + seen.getLast());
        while (prev.isPresent()) {
            Page newer = api(URI.create(prev.get()));
            List<String> found = ids(array(newer));
            back.addAll(0, found);
            prev = link(newer, "prev");
        }
        assertEquals(seen.subList(0, 4), back, "every newer post once, newest first");
        assertEquals(
                seen.subList(0, 2),
                ids(array(api("api/v1/accounts/" + id + "/statuses?limit=2&since_id=" + seen.getLast()))),
                "since_id: the newest");
    }

    @Test
    void everyRefusalIsJsonWithMastodonsStatus() {
        assertError(400, api("api/v1/timelines/public?limit=abc"));
        assertError(400, api("api/v1/timelines/public?max_id=abc"));
        assertError(404, api("api/v1/accounts/99999999999"));
        assertError(404, api("api/v1/accounts/abc"));
        assertError(404, api("api/v1/accounts/lookup?acct=nobody-" + Names.unique("x")));
        assertError(404, api("api/v1/accounts/lookup?acct=" + Names.unique("x") + "@elsewhere.example"));
        assertError(404, api("api/v1/statuses/abc"));
        assertError(404, api("api/v1/statuses/99999999999/context"));
        assertError(404, api("api/v1/no-such-thing"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, array(api("api/v1/timelines/public?max_id=99999999999")));

        // a client each: after an early answer to a large body the server closes the connection
        assertError(405, new WebClient(base).send("PROPFIND", "api/v1/instance", HttpRequest.BodyPublishers.noBody()));
        assertError(405, new WebClient(base).send("DELETE", "api/v1/instance", HttpRequest.BodyPublishers.noBody()));
        assertError(
                413,
                new WebClient(base)
                        .send(
                                "POST",
                                "api/v1/statuses",
                                HttpRequest.BodyPublishers.ofString("status=" + "x".repeat(3 << 20)),
                                "Content-Type",
                                "application/x-www-form-urlencoded"));
        assertError(
                401,
                new WebClient(base)
                        .send(
                                "POST",
                                "api/v1/statuses",
                                HttpRequest.BodyPublishers.ofString("status=hello"),
                                "Content-Type",
                                "application/x-www-form-urlencoded",
                                "Sec-Fetch-Site",
                                "cross-site"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, array(api("api/v1/timelines/public?remote=true")));
    }

    @Test
    void aBrowsersCookiesSignNobodyInAndNoAnswerSetsOne() {
        String name = Names.unique("ann");
        new WebClient(base).register(name);
        WebClient device = new WebClient(base);
        device.follow(device.trySignIn(name, WebClient.PASSWORD, true));
        String remembered = device.cookie("microblog_remember").orElseThrow().getValue();

        WebClient page = new WebClient(base).addCookie("microblog_remember", remembered);
        Page answer = page.get("api/v1/timelines/public");
        assertEquals(200, answer.status());
        assertTrue(answer.headers().allValues("Set-Cookie").isEmpty(), () -> "a cookie: " + answer.headers());
        Page withSession = device.get("api/v1/instance");
        assertEquals(200, withSession.status());
        assertTrue(withSession.headers().allValues("Set-Cookie").isEmpty(), () -> "a cookie: " + withSession.headers());
        assertTrue(page.get("").body().contains("id=\"signOut\""), "the token was not used up by the API");
    }

    /** A GET as an app sends it: JSON is what comes back, to any origin, and no cookie is set. */
    private Page api(String path) {
        return api(new WebClient(base).uri(path));
    }

    private Page api(URI address) {
        WebClient app = new WebClient(base);
        Page page = app.send(
                "GET",
                address.toString().substring(base.toString().length()),
                HttpRequest.BodyPublishers.noBody(),
                "Accept",
                "application/json");
        assertTrue(page.header("Content-Type").orElse("").startsWith("application/json"), page::toString);
        assertEquals(Optional.of("*"), page.header("Access-Control-Allow-Origin"));
        assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), () -> "a cookie: " + page.headers());
        return page;
    }

    private static void assertError(int status, Page page) {
        assertEquals(status, page.status(), page::body);
        assertTrue(page.header("Content-Type").orElse("").startsWith("application/json"), page::toString);
        assertFalse(object(page).getString("error").isBlank(), page::body);
    }

    private static Optional<String> link(Page page, String rel) {
        Matcher links = LINK.matcher(page.header("Link").orElse(""));
        while (links.find()) {
            if (links.group(2).equals(rel)) {
                return Optional.of(links.group(1));
            }
        }
        return Optional.empty();
    }

    private static void post(WebClient author, String body) {
        Page done = author.follow(author.submit(author.get(""), "post", "submit", Map.of("post:body", body)));
        assertEquals(200, done.status(), done::body);
    }

    private static List<String> ids(JsonArray statuses) {
        return statuses.stream().map(s -> s.asJsonObject().getString("id")).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString::getString);
    }

    private static JsonObject object(Page page) {
        return (JsonObject) json(page);
    }

    private static JsonArray array(Page page) {
        assertEquals(200, page.status(), page::body);
        return (JsonArray) json(page);
    }

    private static JsonStructure json(Page page) {
        try (var reader = Json.createReader(new StringReader(page.body()))) {
            return reader.read();
        }
    }
}
