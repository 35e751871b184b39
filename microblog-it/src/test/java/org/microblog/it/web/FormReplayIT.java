package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.microblog.it.mail.TestMailServer;

/**
 * Another site must not be able to do what our forms do. Faces takes any request that carries a view state for a
 * form's postback, whatever its method, and browsers send their cookies with a top-level GET from any site; so every
 * form the site has, found by walking it ({@link Crawler}) as a visitor and as someone signed in, is sent again as a
 * GET (and a HEAD): from this site and from another, with and without the write token, as a plain submit and as
 * PrimeFaces' AJAX request; and as a POST from another site (Fetch Metadata, or Origin alone), and signed in without
 * the write token. Every answer is a 4xx page of ours that sets no cookie, and afterwards nothing in the database
 * has changed and everyone is still who they were. A form that says GET (the search box) is a navigation: it must
 * hold nothing of a postback, and another site's link to it gets a page that sets no cookie.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FormReplayIT {

    private static final String TOKEN = "microblog.writeToken";
    private static final String CALLBACK = "https://app.example/cb";

    /** The forms that the issue found open to a GET: the walk must find at least these, or it walked too little. */
    private static final Set<String> VISITOR_FORMS_AT_LEAST =
            Set.of("login:submit", "register:submit", "forgot:submit", "reset:submit", "language");

    private static final Set<String> SIGNED_IN_FORMS_AT_LEAST = Set.of(
            "post:submit",
            "followByName:submit",
            "user:follow",
            "user:unfollow",
            "user:block",
            "user:unblock",
            "user:mute",
            "user:unmute",
            "user:remove",
            "profile:submit",
            "email:submit",
            "export:submit",
            "message:submit",
            "password:submit",
            "everywhere:submit",
            "signOut:submit",
            "deletePost:delete",
            "authorize:allow",
            "authorize:deny",
            "apps:rows:revoke",
            "language");

    @ArquillianResource
    URL base;

    /** Where a forged request seems to come from, as the browser tells it. */
    private enum Site {
        /** A page of this site: {@code Sec-Fetch-Site: same-origin}. */
        SAME,
        /** Another site's page, told by Fetch Metadata and Origin. */
        OTHER,
        /** Another site's page, in a browser that sends Origin but no Fetch Metadata. */
        OTHER_BY_ORIGIN_ONLY
    }

    /** How a replay is sent. */
    private record Way(String method, Site site, boolean withToken, boolean ajax) {

        String name() {
            return method + (ajax ? " AJAX" : "") + " "
                    + site.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (withToken ? "" : ", no token");
        }
    }

    /** Every way a link on another site, or a page of ours tampered with, could send a form by GET. */
    private static final List<Way> GETS = List.of(
            new Way("GET", Site.SAME, true, false),
            new Way("GET", Site.SAME, false, false),
            new Way("GET", Site.OTHER, true, false),
            new Way("GET", Site.OTHER, false, false),
            new Way("GET", Site.SAME, true, true),
            new Way("GET", Site.SAME, false, true),
            new Way("GET", Site.OTHER, true, true),
            new Way("GET", Site.OTHER, false, true));

    /**
     * The POSTs that must be refused too: from another site even with the victim's token (which another site
     * cannot read, but a guessed or leaked one must not be enough), and, signed in, from this site without it.
     */
    private static final List<Way> FORGED_POSTS = List.of(
            new Way("POST", Site.OTHER, true, false),
            new Way("POST", Site.OTHER_BY_ORIGIN_ONLY, true, false),
            new Way("POST", Site.OTHER, true, true),
            new Way("POST", Site.SAME, false, false),
            new Way("POST", Site.SAME, false, true));

    @Test
    void everyFormSentAsAGetOrHeadOrAForgedPostIsRefusedAndChangesNothing() {
        Scene scene = scene();
        WebClient visitor = new WebClient(base);
        List<String> startAt = new ArrayList<>(List.of("", "this-page-does-not-exist", "explore?after=not-a-number"));
        scene.people().forEach(name -> startAt.add("user/" + name));
        startAt.add(scene.consentPage());
        startAt.add(scene.resetPage());

        Crawler.Found visitorFound = Crawler.walk(visitor, startAt, 4, 80);
        Crawler.Found annFound = Crawler.walk(scene.ann(), startAt, 4, 120);

        assertTrue(
                visitorFound.names().containsAll(VISITOR_FORMS_AT_LEAST),
                () -> "a visitor's walk found " + visitorFound.names() + " on " + visitorFound.pages());
        assertTrue(
                annFound.names().containsAll(SIGNED_IN_FORMS_AT_LEAST),
                () -> "a signed-in walk found " + annFound.names() + " on " + annFound.pages());

        String databaseBefore = visitor.probe("database");
        String annSession = cookie(scene.ann(), "JSESSIONID");
        String annRemembered = cookie(scene.ann(), "microblog_remember");

        Map<String, Set<String>> answers = new TreeMap<>();
        List<Executable> checks = new ArrayList<>();
        replay(visitor, "visitor", visitorFound, answers, checks);
        replay(scene.ann(), "signed in", annFound, answers, checks);
        // What was walked and what each form answered, for the reader of the build's output.
        System.out.println("FormReplayIT visitor walked " + visitorFound.pages());
        System.out.println("FormReplayIT signed in walked " + annFound.pages());
        answers.forEach((form, statuses) -> System.out.println("FormReplayIT " + form + " -> " + statuses));

        assertAll(checks);
        assertEquals(databaseBefore, visitor.probe("database"), "nothing was written");
        assertEquals(annSession, cookie(scene.ann(), "JSESSIONID"), "the same session");
        assertEquals(annRemembered, cookie(scene.ann(), "microblog_remember"), "the same remember-me token");
        WebClient.Page annHome = scene.ann().get("");
        assertTrue(annHome.body().contains("id=\"signOut\""), "ann is still signed in");
        String profile = annHome.document().getElementById("nav-profile").absUrl("href");
        assertTrue(profile.endsWith("/user/" + scene.people().getFirst()), () -> "ann, not " + profile);
        assertTrue(visitor.cookie("JSESSIONID").isEmpty(), "the visitor has no session");
        assertTrue(visitor.cookie("microblog_remember").isEmpty(), "and nobody's remember-me cookie");
        assertFalse(visitor.get("").body().contains("id=\"signOut\""), "the visitor is signed out");
    }

    private void replay(
            WebClient client,
            String who,
            Crawler.Found found,
            Map<String, Set<String>> answers,
            List<Executable> checks) {
        boolean signedIn = client.cookie("JSESSIONID").isPresent();
        List<Way> ways = new ArrayList<>(GETS);
        FORGED_POSTS.stream().filter(way -> way.withToken() || signedIn).forEach(ways::add);
        for (Crawler.Submission submission : found.submissions()) {
            if (submission.isGetForm()) {
                checkNavigation(client, who, submission, answers, checks);
                continue;
            }
            for (Way way : ways) {
                if (way.ajax() && submission.ajax().isEmpty()) {
                    continue;
                }
                String what = who + " " + submission.name() + " from "
                        + submission.page().getPath() + ", " + way.name();
                WebClient.Page answer = way.method().equals("GET")
                        ? client.get(
                                submission.action().getRawPath() + "?" + query(fields(submission, way)), headers(way))
                        : client.post(submission.action(), fields(submission, way), headers(way));
                answers.computeIfAbsent(who + " " + submission.name(), k -> new TreeSet<>())
                        .add(way.name() + ": " + answer.status());
                checks.add(() -> assertRefusedWithOurPage(what, answer));
            }
            WebClient.Page head = client.send(
                    "HEAD",
                    submission.action().getRawPath() + "?" + query(fields(submission, GETS.getFirst())),
                    HttpRequest.BodyPublishers.noBody(),
                    headers(GETS.getFirst()));
            answers.computeIfAbsent(who + " " + submission.name(), k -> new TreeSet<>())
                    .add("HEAD: " + head.status());
            checks.add(() -> {
                assertTrue(
                        head.status() >= 400 && head.status() < 500,
                        who + " " + submission.name() + " HEAD: " + head.status());
                assertTrue(head.headers().allValues("Set-Cookie").isEmpty(), () -> "HEAD set " + head.headers());
            });
        }
    }

    /**
     * A form whose method is GET (the search box) is a navigation: it must carry nothing of a postback (no view
     * state, no write token), so that Faces can run no action from it, and sent from another site it answers a page
     * that sets no cookie; that it writes nothing, the database's probe after all replays says.
     */
    private static void checkNavigation(
            WebClient client,
            String who,
            Crawler.Submission submission,
            Map<String, Set<String>> answers,
            List<Executable> checks) {
        String what = who + " " + submission.name() + " (a GET form) from "
                + submission.page().getPath();
        Way fromAnotherSite = new Way("GET", Site.OTHER, false, false);
        WebClient.Page answer = client.get(
                submission.action().getRawPath() + "?" + query(fields(submission, fromAnotherSite)),
                headers(fromAnotherSite));
        answers.computeIfAbsent(who + " " + submission.name(), k -> new TreeSet<>())
                .add(fromAnotherSite.name() + ": " + answer.status());
        checks.add(() -> {
            assertFalse(submission.fields().containsKey("jakarta.faces.ViewState"), what + " carries a view state");
            assertFalse(submission.fields().containsKey(TOKEN), what + " carries the write token");
            assertEquals(200, answer.status(), what);
            assertTrue(answer.headers().allValues("Set-Cookie").isEmpty(), () -> what + " set " + answer.headers());
        });
    }

    /** The fields a browser would send for the submission, as the way changes them. */
    private static Map<String, String> fields(Crawler.Submission submission, Way way) {
        Map<String, String> fields = new LinkedHashMap<>(submission.fields());
        if (!way.withToken()) {
            fields.remove(TOKEN);
        }
        if (!fields.containsKey("jakarta.faces.ViewState")) {
            fields.remove("primefaces.nonce"); // PrimeFaces adds its nonce to Faces' forms only
        }
        if (way.ajax()) {
            Crawler.Ajax ajax = submission.ajax().orElseThrow();
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.put("jakarta.faces.source", ajax.source());
            fields.put("jakarta.faces.partial.execute", ajax.execute());
            fields.put("jakarta.faces.partial.render", ajax.render());
            fields.put(ajax.source(), ajax.source());
        }
        return fields;
    }

    /** The fields as a query, as a link on another site would carry them. */
    private static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * What a browser sends with the request: a navigation or a form from this site or another (Fetch Metadata;
     * Origin on a POST), or PrimeFaces' AJAX.
     */
    private static String[] headers(Way way) {
        List<String> headers = new ArrayList<>();
        switch (way.site()) {
            case SAME -> headers.addAll(List.of("Sec-Fetch-Site", "same-origin"));
            case OTHER -> headers.addAll(List.of("Sec-Fetch-Site", "cross-site", "Referer", "https://evil.example/"));
            case OTHER_BY_ORIGIN_ONLY -> headers.addAll(List.of("Referer", "https://evil.example/"));
        }
        if (way.site() != Site.SAME && way.method().equals("POST")) {
            headers.addAll(List.of("Origin", "https://evil.example"));
        }
        if (way.ajax()) {
            headers.addAll(List.of("Faces-Request", "partial/ajax", "Sec-Fetch-Mode", "cors"));
        } else if (way.site() != Site.OTHER_BY_ORIGIN_ONLY) {
            headers.addAll(List.of("Sec-Fetch-Mode", "navigate"));
        }
        return headers.toArray(String[]::new);
    }

    private static void assertRefusedWithOurPage(String what, WebClient.Page answer) {
        assertTrue(answer.status() >= 400 && answer.status() < 500, () -> what + ": " + answer.status());
        assertFalse(answer.text("error-title").isEmpty(), () -> what + ", not our error page:\n" + answer.body());
        assertTrue(answer.headers().allValues("Set-Cookie").isEmpty(), () -> what + " set " + answer.headers());
        HttpBehaviourIT.assertNoTechnicalDetails(answer);
    }

    /**
     * ann, signed in with "Remember me": she follows bob, who posted; follows and mutes carol; blocked dave; and is
     * followed by eve, so that her pages show every kind of button. {@code people} starts with ann.
     */
    /** @param consentPage the OAuth consent page of an app that asks ann for access (no link leads there); ann has
     *     authorized it once already, so that her Apps page has a Revoke
     * @param resetPage the page of a password reset link mailed to bob (no link leads there either) */
    private record Scene(WebClient ann, List<String> people, String consentPage, String resetPage) {}

    private Scene scene() {
        String ann = Names.unique("ann");
        String bob = Names.unique("bob");
        String carol = Names.unique("carol");
        String dave = Names.unique("dave");
        String eve = Names.unique("eve");
        new WebClient(base).register(ann);
        WebClient bobs = new WebClient(base);
        bobs.register(bob);
        WebClient.Page home = bobs.get("");
        bobs.submit(home, "post", "submit", Map.of("post:body", "Hello from " + bob));
        new WebClient(base).register(carol);
        new WebClient(base).register(dave);
        WebClient eves = new WebClient(base);
        eves.register(eve);
        click(eves, ann, "follow");

        WebClient anns = new WebClient(base);
        anns.follow(anns.trySignIn(ann, WebClient.PASSWORD, true));
        anns.submit(anns.get(""), "post", "submit", Map.of("post:body", "Hello from " + ann));
        click(anns, bob, "follow");
        click(anns, carol, "follow");
        click(anns, carol, "mute");
        click(anns, dave, "block");
        JsonObject app = registerApp();
        String consent = "authorize?client_id=" + app.getString("client_id") + "&redirect_uri=" + encode(CALLBACK)
                + "&response_type=code&scope=read&state=s";
        authorize(anns, app, consent);
        return new Scene(anns, List.of(ann, bob, carol, dave, eve), consent, resetPage(bob));
    }

    /**
     * The reset page of a link mailed to {@code username}, asked for on 127.0.0.1 (only a site reached there mails
     * links), once its row is committed: the mail can arrive a moment before the background task's commit.
     */
    private String resetPage(String username) {
        WebClient asker = new WebClient(PasswordResetIT.onLoopback(base));
        asker.submit(
                asker.get("forgot-password"), "forgot", "submit", Map.of("forgot:email", username + "@example.com"));
        String link = PasswordResetIT.link(
                TestMailServer.awaitMailTo(username + "@example.com", 1).getFirst());
        String page = link.substring(link.indexOf("reset-password"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (new WebClient(base).get(page).document().getElementById("reset") == null) {
            assertTrue(System.nanoTime() < deadline, "the link's row was not committed: " + page);
            Thread.onSpinWait();
        }
        return page;
    }

    private JsonObject registerApp() {
        WebClient.Page app = new WebClient(base)
                .send(
                        "POST",
                        "api/v1/apps",
                        HttpRequest.BodyPublishers.ofString(
                                "{\"client_name\":\"Replayed\",\"redirect_uris\":\"" + CALLBACK + "\"}"),
                        "Content-Type",
                        "application/json");
        assertEquals(200, app.status(), app::body);
        return Json.createReader(new StringReader(app.body())).readObject();
    }

    /** The person authorizes the app on its consent page, and the app takes its token: the Apps page has a Revoke. */
    private void authorize(WebClient person, JsonObject app, String consent) {
        String location = person.submit(person.get(consent), "authorize", "allow", Map.of())
                .header("Location")
                .orElseThrow();
        String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        WebClient.Page token = new WebClient(base)
                .post(
                        new WebClient(base).uri("oauth/token"),
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                code,
                                "redirect_uri",
                                CALLBACK,
                                "client_id",
                                app.getString("client_id"),
                                "client_secret",
                                app.getString("client_secret")));
        assertEquals(200, token.status(), token::body);
    }

    private static void click(WebClient client, String username, String button) {
        WebClient.Page profile = client.get("user/" + username);
        WebClient.Page answer = client.click(profile, "user", button, Map.of("target", username));
        assertEquals(200, answer.status(), () -> button + " " + username + ": " + answer.body());
    }

    private static String cookie(WebClient client, String name) {
        return client.cookie(name).map(HttpCookie::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
