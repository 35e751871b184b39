package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;

/**
 * What an app reads of the person beyond posts: notifications (paged, filtered, dismissed, cleared; a read never marks
 * them read), the markers that carry the read position to the site's unread count, the muted people, and who to
 * follow, with a suggestion dismissed for good.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiNotificationsIT {

    @ArquillianResource
    URL base;

    @Test
    void anAppReadsNotificationsWithoutMarkingThemReadUntilItMovesTheMarker() {
        ApiApp app = ApiApp.register(base, "read write follow");
        String star = Names.unique("star");
        WebClient starBrowser = new WebClient(base);
        starBrowser.register(star);
        String starToken = app.token(starBrowser, "read write");
        String starId = account(app, starToken).getString("id");
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String fan = Names.unique("fan");
            WebClient fanBrowser = new WebClient(base);
            fanBrowser.register(fan);
            Page followed =
                    app.call(app.token(fanBrowser, "follow"), "POST", "api/v1/accounts/" + starId + "/follow", null);
            assertEquals(200, followed.status(), followed::body);
            fans.addFirst(fan);
        }

        JsonArray all = app.get(starToken, "api/v1/notifications").asJsonArray();
        assertEquals(fans, usernames(all), "newest first");
        JsonObject newest = all.getJsonObject(0);
        assertEquals("follow", newest.getString("type"));
        assertFalse(newest.containsKey("status"), "a follow is about no status");
        assertEquals(all, app.get(starToken, "api/v1/notifications").asJsonArray(), "reading marked nothing");
        assertEquals(3, unread(app, starToken));
        assertEquals("3", starBrowser.get("home").text("unread-count"));

        assertEquals(
                fans,
                usernames(app.get(starToken, "api/v1/notifications?types[]=follow")
                        .asJsonArray()));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, app.get(starToken, "api/v1/notifications?types[]=mention"));
        String middleFanId = all.getJsonObject(1).getJsonObject("account").getString("id");
        assertEquals(
                fans.subList(1, 2),
                usernames(app.get(starToken, "api/v1/notifications?account_id=" + middleFanId)
                        .asJsonArray()),
                "one account's notifications");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, app.get(starToken, "api/v1/notifications?exclude_types[]=follow"));

        Page first = app.call(starToken, "GET", "api/v1/notifications?limit=2", null);
        assertEquals(fans.subList(0, 2), usernames(ApiApp.json(first).asJsonArray()));
        String next = link(first, "next");
        Page second = new WebClient(base)
                .send("GET", next, HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + starToken);
        assertEquals(fans.subList(2, 3), usernames(ApiApp.json(second).asJsonArray()));
        assertTrue(second.header("Link").orElse("").contains("rel=\"prev\""));
        assertFalse(second.header("Link").orElse("").contains("rel=\"next\""), "the last page has no next");
        String oldestId = all.getJsonObject(2).getString("id");
        assertEquals(
                fans.subList(0, 2),
                usernames(app.get(starToken, "api/v1/notifications?since_id=" + oldestId)
                        .asJsonArray()));
        assertEquals(
                fans.subList(1, 2),
                usernames(app.get(starToken, "api/v1/notifications?min_id=" + oldestId + "&limit=1")
                        .asJsonArray()));

        assertEquals(newest, app.get(starToken, "api/v1/notifications/" + newest.getString("id")));
        String fanToken = app.token(signedIn(fans.getFirst()), "read");
        assertEquals(
                404,
                app.call(fanToken, "GET", "api/v1/notifications/" + newest.getString("id"), null)
                        .status(),
                "nobody reads another's notification");
        assertEquals(
                404,
                app.call(starToken, "GET", "api/v1/notifications/abc", null).status());

        String middleId = all.getJsonObject(1).getString("id");
        JsonObject moved = ApiApp.object(app.call(
                starToken, "POST", "api/v1/markers", "{\"notifications\":{\"last_read_id\":\"" + middleId + "\"}}"));
        assertEquals(middleId, moved.getJsonObject("notifications").getString("last_read_id"));
        assertEquals(0, moved.getJsonObject("notifications").getInt("version"));
        assertEquals(1, unread(app, starToken), "the newest is still unread");
        assertEquals("1", starBrowser.get("home").text("unread-count"), "the site's count follows the marker");
        JsonObject markers = app.get(starToken, "api/v1/markers?timeline[]=notifications&timeline[]=home")
                .asJsonObject();
        assertEquals(middleId, markers.getJsonObject("notifications").getString("last_read_id"));
        assertFalse(markers.containsKey("home"), "no home marker yet");
        WebClient form = new WebClient(base);
        Page formMove = form.send(
                "POST",
                "api/v1/markers",
                HttpRequest.BodyPublishers.ofString("home[last_read_id]=7"),
                "Authorization",
                "Bearer " + starToken,
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals("7", ApiApp.object(formMove).getJsonObject("home").getString("last_read_id"), formMove::body);
        assertEquals(
                422,
                app.call(starToken, "POST", "api/v1/markers", "{\"home\":{\"last_read_id\":\"x\"}}")
                        .status());
        assertEquals(
                403,
                app.call(
                                app.token(starBrowser, "read"),
                                "POST",
                                "api/v1/markers",
                                "{\"home\":{\"last_read_id\":\"8\"}}")
                        .status(),
                "moving a marker is a write");

        assertEquals(
                200,
                app.call(starToken, "POST", "api/v1/notifications/" + newest.getString("id") + "/dismiss", null)
                        .status());
        assertEquals(0, unread(app, starToken), "a dismissed unread notification leaves the count");
        assertEquals(
                fans.subList(1, 3),
                usernames(app.get(starToken, "api/v1/notifications").asJsonArray()));
        assertEquals(
                404,
                app.call(starToken, "POST", "api/v1/notifications/" + newest.getString("id") + "/dismiss", null)
                        .status());
        assertEquals(
                403,
                app.call(fanToken, "POST", "api/v1/notifications/clear", null).status());
        assertEquals(
                200,
                app.call(starToken, "POST", "api/v1/notifications/clear", null).status());
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, app.get(starToken, "api/v1/notifications"));
    }

    @Test
    void anAppListsTheMutedAndDismissesASuggestionForGood() {
        ApiApp app = ApiApp.register(base, "read write follow");
        String ann = Names.unique("ann");
        WebClient annBrowser = new WebClient(base);
        annBrowser.register(ann);
        String annToken = app.token(annBrowser, "read write follow");
        String dan = Names.unique("dan");
        String erin = Names.unique("erin");
        String danToken = app.token(registered(dan), "follow");
        registered(erin);
        assertEquals(
                200,
                app.call(danToken, "POST", "api/v1/accounts/" + id(app, annToken, erin) + "/follow", null)
                        .status());
        String danId = id(app, annToken, dan);
        String erinId = id(app, annToken, erin);
        assertEquals(
                200,
                app.call(annToken, "POST", "api/v1/accounts/" + danId + "/follow", null)
                        .status());

        assertEquals(JsonValue.EMPTY_JSON_ARRAY, app.get(annToken, "api/v1/mutes"));
        assertEquals(
                200,
                app.call(annToken, "POST", "api/v1/accounts/" + danId + "/mute", null)
                        .status());
        assertEquals(List.of(dan), usernames(app.get(annToken, "api/v1/mutes").asJsonArray()));
        assertEquals(
                200,
                app.call(annToken, "POST", "api/v1/accounts/" + danId + "/unmute", null)
                        .status());
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, app.get(annToken, "api/v1/mutes"));

        JsonObject suggested =
                app.get(annToken, "api/v2/suggestions").asJsonArray().getValuesAs(JsonObject.class).stream()
                        .filter(s ->
                                s.getJsonObject("account").getString("username").equals(erin))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("dan follows erin: she is suggested to ann"));
        assertEquals(
                List.of("friends_of_friends"),
                suggested.getJsonArray("sources").getValuesAs((JsonValue v) -> ((JsonString) v).getString()));
        assertTrue(
                usernames(app.get(annToken, "api/v1/suggestions").asJsonArray()).contains(erin));
        assertTrue(annBrowser.get("who-to-follow").body().contains(erin));

        Page dismissed = app.call(annToken, "DELETE", "api/v1/suggestions/" + erinId, null);
        assertEquals(200, dismissed.status(), dismissed::body);
        assertFalse(
                usernames(app.get(annToken, "api/v1/suggestions").asJsonArray()).contains(erin));
        assertFalse(app.get(annToken, "api/v2/suggestions").toString().contains(erin));
        assertFalse(annBrowser.get("who-to-follow").body().contains(erin), "nor on the site's page");
        assertEquals(
                404,
                app.call(annToken, "DELETE", "api/v1/suggestions/999999999", null)
                        .status());
        assertEquals(
                401, app.call("not-a-token", "GET", "api/v2/suggestions", null).status());
    }

    @Test
    void relationshipsOfSeveralAccountsSayEachOnesStandingInOneAnswer() {
        ApiApp app = ApiApp.register(base, "read write follow");
        String ann = app.token(registered(Names.unique("ann")), "read write follow");
        String annId = account(app, ann).getString("id");
        Map<String, String> others = new LinkedHashMap<>();
        for (String role : List.of("followed", "follower", "blocked", "blocker", "muted")) {
            String token = app.token(registered(Names.unique(role.substring(0, 3))), "read write follow");
            others.put(role, account(app, token).getString("id"));
            if (role.equals("follower")) {
                app.call(token, "POST", "api/v1/accounts/" + annId + "/follow", null);
            } else if (role.equals("blocker")) {
                app.call(token, "POST", "api/v1/accounts/" + annId + "/block", null);
            }
        }
        app.call(ann, "POST", "api/v1/accounts/" + others.get("followed") + "/follow", null);
        app.call(ann, "POST", "api/v1/accounts/" + others.get("blocked") + "/block", null);
        app.call(ann, "POST", "api/v1/accounts/" + others.get("muted") + "/follow", null);
        app.call(ann, "POST", "api/v1/accounts/" + others.get("muted") + "/mute", null);

        StringBuilder query = new StringBuilder("api/v1/accounts/relationships?id[]=999999999&id[]=" + annId);
        others.values().forEach(id -> query.append("&id[]=").append(id));
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        app.get(ann, query.toString())
                .asJsonArray()
                .getValuesAs(JsonObject.class)
                .forEach(relationship -> byId.put(relationship.getString("id"), relationship));

        assertEquals(6, byId.size(), "the unknown id left out: " + byId.keySet());
        assertStanding(byId.get(annId)); // nobody follows themself
        assertStanding(byId.get(others.get("followed")), "following");
        assertStanding(byId.get(others.get("follower")), "followed_by");
        assertStanding(byId.get(others.get("blocked")), "blocking");
        assertStanding(byId.get(others.get("blocker")), "blocked_by");
        assertStanding(byId.get(others.get("muted")), "following", "muting");
    }

    /** The relationship has exactly these of its standings true. */
    private static void assertStanding(JsonObject relationship, String... standings) {
        List<String> expected = List.of(standings);
        for (String field : List.of("following", "followed_by", "blocking", "blocked_by", "muting")) {
            assertEquals(expected.contains(field), relationship.getBoolean(field), field + " in " + relationship);
        }
    }

    private WebClient registered(String name) {
        WebClient browser = new WebClient(base);
        browser.register(name);
        return browser;
    }

    private WebClient signedIn(String name) {
        WebClient browser = new WebClient(base);
        browser.signIn(name);
        return browser;
    }

    private static JsonObject account(ApiApp app, String token) {
        return app.get(token, "api/v1/accounts/verify_credentials").asJsonObject();
    }

    private static String id(ApiApp app, String token, String username) {
        return app.get(token, "api/v1/accounts/lookup?acct=" + username)
                .asJsonObject()
                .getString("id");
    }

    private static int unread(ApiApp app, String token) {
        return app.get(token, "api/v1/notifications/unread_count")
                .asJsonObject()
                .getInt("count");
    }

    private static List<String> usernames(JsonArray list) {
        return list.getValuesAs(JsonObject.class).stream()
                .map(item -> item.containsKey("account") ? item.getJsonObject("account") : item)
                .map(account -> account.getString("username"))
                .toList();
    }

    private static String link(Page page, String rel) {
        String header = page.header("Link").orElseThrow(() -> new AssertionError("no Link header"));
        for (String part : header.split(", ")) {
            if (part.endsWith("rel=\"" + rel + "\"")) {
                return part.substring(part.indexOf('<') + 1, part.indexOf('>'));
            }
        }
        throw new AssertionError("no " + rel + " in " + header);
    }
}
