package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a browser would not do, checked over plain HTTP against the deployed WAR: forged and stale POSTs,
 * GETs that try to change state, headers, cookies, status codes and error pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpBehaviourIT {

    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    @ArquillianResource
    URL base;

    private WebClient client() {
        return new WebClient(base);
    }

    /** The follower count that bob's profile shows to an anonymous visitor. */
    private String followersShown(String username) {
        return client().open("user/" + username).text("followers-count");
    }

    private Map<String, String> followFields(WebClient.Page profile) {
        Map<String, String> fields = new LinkedHashMap<>(WebClient.fields(profile, "user", Map.of()));
        fields.put("user:follow", "user:follow");
        return fields;
    }

    @Test
    void aTimelineLongerThanAPageLinksToTheOlderPostsAndShowsThem() {
        WebClient ann = client();
        ann.register(Names.unique("ann"));
        for (int i = 1; i <= 21; i++) {
            WebClient.Page home = ann.get("");
            assertEquals(
                    200,
                    ann.follow(ann.submit(home, "post", "submit", Map.of("post:body", "post number " + i)))
                            .status());
        }

        WebClient.Page first = ann.get("");
        assertEquals(200, first.status(), first::body);
        assertTrue(first.body().contains("post number 21"));
        assertFalse(first.body().contains("post number 1<"));
        String older = first.document().select("a.older").attr("href");
        assertTrue(older.contains("?after="), () -> "no link to older posts: " + first.body());

        WebClient.Page second = ann.get(older);
        assertEquals(200, second.status(), second::body);
        assertTrue(second.body().contains("post number 1<"), second::body);
        assertTrue(second.document().select("a.older").isEmpty());
    }

    @Test
    void theFollowFormWorksWithItsViewState() {
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient ann = client();
        ann.register(Names.unique("ann"));
        WebClient.Page profile = ann.get("user/" + bob);

        WebClient.Page answer = ann.post(WebClient.action(profile, "user"), followFields(profile));

        assertEquals(200, answer.status());
        assertEquals("1 follower", followersShown(bob));
    }

    @Test
    void aDoubleClickedFollowMakesOneLink() throws Exception {
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient ann = client();
        String annName = Names.unique("ann");
        ann.register(annName);
        WebClient.Page profile = ann.get("user/" + bob);
        Map<String, String> follow = followFields(profile);
        URI target = WebClient.action(profile, "user");

        java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<WebClient.Page>> answers =
                    clicks.invokeAll(List.of(() -> ann.post(target, follow), () -> ann.post(target, follow)));
            for (java.util.concurrent.Future<WebClient.Page> answer : answers) {
                assertEquals(200, answer.get().status());
            }
        } finally {
            clicks.shutdownNow();
        }

        assertEquals("1 follower", followersShown(bob));
        assertEquals(
                List.of(annName),
                client().open("user/" + bob + "/followers")
                        .document()
                        .select(".connection .author")
                        .eachText());
    }

    @Test
    void aFollowPostWithoutViewStateChangesNothing() {
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient ann = client();
        ann.register(Names.unique("ann"));
        WebClient.Page profile = ann.get("user/" + bob);
        Map<String, String> forged = followFields(profile);
        forged.remove(VIEW_STATE);

        ann.post(WebClient.action(profile, "user"), forged);

        assertEquals("0 followers", followersShown(bob));
    }

    @Test
    void aFollowPostWithAStaleOrForeignViewStateChangesNothingAndSaysThePageExpired() {
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient ann = client();
        ann.register(Names.unique("ann"));
        WebClient mallory = client();
        mallory.register(Names.unique("mallory"));
        WebClient.Page profile = ann.get("user/" + bob);
        Map<String, String> stale = followFields(profile);
        stale.put(VIEW_STATE, "-1234567890123456789:-987654321098765432");
        // Another session's genuine ViewState, as a cross-site attacker could obtain for their own session.
        Map<String, String> foreign = followFields(profile);
        foreign.put(
                VIEW_STATE,
                WebClient.fields(mallory.get("user/" + bob), "user", Map.of()).get(VIEW_STATE));

        WebClient.Page staleAnswer = ann.post(WebClient.action(profile, "user"), stale);
        WebClient.Page foreignAnswer = ann.post(WebClient.action(profile, "user"), foreign);

        assertEquals("Page expired", staleAnswer.text("error-title"));
        assertEquals("Page expired", foreignAnswer.text("error-title"));
        assertNoTechnicalDetails(staleAnswer);
        assertEquals("0 followers", followersShown(bob));
    }

    @Test
    void aFollowPostWithoutThePagesScriptNonceIsRefusedAsBadRequest() {
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient ann = client();
        ann.register(Names.unique("ann"));
        WebClient.Page profile = ann.get("user/" + bob);
        Map<String, String> forged = followFields(profile);
        forged.remove(WebClient.NONCE);

        WebClient.Page answer = ann.post(WebClient.action(profile, "user"), forged);

        assertEquals(400, answer.status());
        assertEquals("Bad request", answer.text("error-title"));
        assertNoTechnicalDetails(answer);
        assertEquals("0 followers", followersShown(bob));
    }

    @Test
    void getRequestsOnFollowAddressesChangeNothing() {
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient ann = client();
        ann.register(Names.unique("ann"));

        assertEquals(404, ann.get("follow/" + bob).status());
        assertEquals(404, ann.get("user/" + bob + "/follow").status());
        assertEquals(
                200,
                ann.get("user/" + bob + "?follow=" + bob + "&user:follow=user:follow")
                        .status());

        assertEquals("0 followers", followersShown(bob));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        WebClient visitor = client();
        WebClient.Page home = visitor.get("");
        String stylesheet = home.document()
                .select("link[rel=stylesheet][href*=microblog.css]")
                .attr("href");
        for (WebClient.Page page : List.of(
                home,
                visitor.get("explore"),
                visitor.get("login"),
                visitor.get(stylesheet.substring(stylesheet.indexOf("jakarta.faces.resource"))),
                visitor.get("no-such-page"))) {
            List<String> policies = page.headers().allValues("Content-Security-Policy");
            assertTrue(
                    policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")),
                    () -> page.uri() + ": " + policies);
            assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""), page.uri()::toString);
            assertEquals("same-origin", page.header("Referrer-Policy").orElse(""), page.uri()::toString);
            assertEquals("DENY", page.header("X-Frame-Options").orElse(""), page.uri()::toString);
        }
        assertTrue(
                home.headers().allValues("Content-Security-Policy").stream()
                        .anyMatch(p -> p.matches(".*script-src 'self' 'nonce-[^']+'.*")),
                "pages allow only their own nonce'd scripts");
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxAndNeverInAddresses() {
        WebClient.Page login = client().get("login");

        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertFalse(login.body().toLowerCase().contains(";jsessionid="), "session id in a URL");
    }

    @Test
    void signingInRenewsTheSessionId() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient browser = client();
        WebClient.Page form = browser.get("login");
        String before = browser.cookie("JSESSIONID").map(HttpCookie::getValue).orElseThrow();

        browser.follow(browser.submit(
                form, "login", "submit", Map.of("login:username", ann, "login:password", WebClient.PASSWORD)));

        String after = browser.cookie("JSESSIONID").map(HttpCookie::getValue).orElseThrow();
        assertFalse(before.equals(after), "the session id stayed " + before);
        assertTrue(browser.get("edit-profile").status() == 200, "signed in");
    }

    @Test
    void aFailedSignInSaysOneGenericThing() {
        String ann = Names.unique("ann");
        client().register(ann);

        WebClient.Page wrongPassword = signIn(ann, "wrong-password-1");
        WebClient.Page unknownUser = signIn(Names.unique("nobody"), "wrong-password-1");

        assertTrue(wrongPassword.body().contains("Invalid username or password."));
        assertTrue(unknownUser.body().contains("Invalid username or password."));
    }

    private WebClient.Page signIn(String username, String password) {
        WebClient browser = client();
        WebClient.Page form = browser.get("login");
        return browser.submit(form, "login", "submit", Map.of("login:username", username, "login:password", password));
    }

    @Test
    void signInReturnsToThisSiteOnly() {
        String ann = Names.unique("ann");
        client().register(ann);

        for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example")) {
            WebClient browser = client();
            WebClient.Page form = browser.get(
                    "login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
            WebClient.Page answer = browser.submit(
                    form, "login", "submit", Map.of("login:username", ann, "login:password", WebClient.PASSWORD));
            assertEquals(302, answer.status(), next);
            assertEquals(
                    browser.uri(""),
                    answer.uri().resolve(answer.header("Location").orElseThrow()),
                    next);
        }
        WebClient browser = client();
        String explore = browser.uri("explore").getPath();
        WebClient.Page form = browser.get("login?next=" + explore);
        WebClient.Page answer = browser.submit(
                form, "login", "submit", Map.of("login:username", ann, "login:password", WebClient.PASSWORD));
        assertEquals(
                browser.uri("explore"),
                answer.uri().resolve(answer.header("Location").orElseThrow()));
    }

    @Test
    void aProtectedPageSendsVisitorsToSignInAndBackAfterwards() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient browser = client();

        WebClient.Page asked = browser.get("edit-profile");
        assertEquals(302, asked.status());
        URI login = asked.uri().resolve(asked.header("Location").orElseThrow());
        assertEquals(browser.uri("login").getPath(), login.getPath());

        WebClient.Page form = browser.get(login.toString());
        WebClient.Page back = browser.submit(
                form, "login", "submit", Map.of("login:username", ann, "login:password", WebClient.PASSWORD));
        assertEquals(
                browser.uri("edit-profile").getPath(),
                back.uri().resolve(back.header("Location").orElseThrow()).getPath());
        assertEquals(
                ann, WebClient.fields(browser.follow(back), "profile", Map.of()).get("profile:username"));
    }

    @Test
    void anUnknownUserIsA404PageWithoutExceptionText() {
        WebClient.Page page = client().get("user/" + Names.unique("nobody"));

        assertEquals(404, page.status());
        assertEquals("Page not found", page.text("error-title"));
        assertNoTechnicalDetails(page);
    }

    @Test
    void errorPagesShowNoExceptionText() {
        WebClient visitor = client();
        WebClient.Page badCursor = visitor.get("explore?after=not-a-cursor");
        WebClient.Page badPage = visitor.get("user/" + Names.unique("x") + "/followers?page=-3");
        WebClient.Page unknownSection = visitor.get("user/anyone/secrets");
        WebClient.Page unknownPath = visitor.get("WEB-INF/web.xml");

        assertEquals(400, badCursor.status());
        assertEquals("Bad request", badCursor.text("error-title"));
        assertEquals(404, badPage.status());
        assertEquals(404, unknownSection.status());
        assertEquals(404, unknownPath.status());
        for (WebClient.Page page : List.of(badCursor, badPage, unknownSection, unknownPath)) {
            assertNoTechnicalDetails(page);
        }
    }

    private static void assertNoTechnicalDetails(WebClient.Page page) {
        for (String technical : List.of("Exception", "at org.", "at java.", "Payara", "stack", "jakarta.")) {
            assertFalse(
                    page.document().body().text().contains(technical),
                    () -> page.uri() + " shows " + technical + ":\n" + page.body());
        }
    }
}
